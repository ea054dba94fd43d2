package io.smartcarpipeline.dispatcher.retry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Named backoff factories. Full jitter (a uniform draw between zero and the exponential ceiling)
 * spreads the retries of a burst of failed commands, so they do not hit Smartcar again in step.
 */
public final class Backoffs {

  private Backoffs() {}

  /**
   * Capped exponential with full jitter: retry {@code n} waits a uniform random time in {@code [0,
   * min(cap, initial × multiplier^(n-1)))}.
   */
  public static Backoff exponentialWithFullJitter(
      Duration initial, double multiplier, Duration cap) {
    requirePositive(initial, "initial");
    requirePositive(cap, "cap");
    if (multiplier < 1.0 || Double.isNaN(multiplier) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be >= 1, got " + multiplier);
    }
    if (cap.compareTo(initial) < 0) {
      throw new IllegalArgumentException("cap " + cap + " is below initial " + initial);
    }
    return (retry, random) -> {
      double ceiling =
          Math.min(
              (double) cap.toMillis(),
              initial.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1)));
      return Duration.ofMillis((long) (ceiling * random.nextDouble()));
    };
  }

  /** A fixed list of waits; retries past its end use the last one (e.g. 1 m, 5 m, 15 m, 15 m…). */
  public static Backoff schedule(List<Duration> steps) {
    Objects.requireNonNull(steps, "steps");
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a schedule needs at least one step");
    }
    steps.forEach(s -> requirePositive(s, "schedule step"));
    List<Duration> copy = List.copyOf(steps);
    return (retry, random) -> copy.get(Math.min(Math.max(retry, 1), copy.size()) - 1);
  }

  /** Always the same wait. */
  public static Backoff fixed(Duration delay) {
    requirePositive(delay, "delay");
    return (retry, random) -> delay;
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
