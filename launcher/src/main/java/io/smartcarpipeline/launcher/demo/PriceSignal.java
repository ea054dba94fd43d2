package io.smartcarpipeline.launcher.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * A stand-in for an electricity price feed: a peak of {@code peak} length at the start of every
 * {@code period}, counted from {@code origin}.
 */
public record PriceSignal(Instant origin, Duration period, Duration peak) {

  public PriceSignal {
    if (peak.compareTo(period) >= 0 || peak.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("peak must be shorter than the period");
    }
  }

  public boolean isPeak(Instant now) {
    long intoPeriod = Math.floorMod(Duration.between(origin, now).toMillis(), period.toMillis());
    return intoPeriod < peak.toMillis();
  }
}
