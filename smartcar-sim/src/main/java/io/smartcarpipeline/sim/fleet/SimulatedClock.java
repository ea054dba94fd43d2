package io.smartcarpipeline.sim.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The fleet's simulated time: it stands still between steps and moves only when the fleet advances
 * it by one step, so the vehicles' day model and every {@code oemUpdatedAt} / {@code retrievedAt} /
 * {@code deliveredAt} the fleet sends are exact functions of the start time and the step count, not
 * of wall-clock jitter. Thread-safe: read from any thread, advanced by the fleet only.
 */
public final class SimulatedClock extends Clock {

  private volatile Instant now;

  public SimulatedClock(Instant start) {
    this.now = start;
  }

  /** Moves time forward and returns the new instant. */
  public synchronized Instant advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("simulated time never goes back: " + step);
    }
    now = now.plus(step);
    return now;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
