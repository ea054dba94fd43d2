package io.smartcarpipeline.sim.fleet;

import java.time.Duration;
import java.util.Random;

/** Draws the lengths of a simulated day's activities from the vehicle's seeded {@link Random}. */
final class DayPlan {

  private final Random random;

  DayPlan(Random random) {
    this.random = random;
  }

  /** A whole number of minutes, uniform in {@code [lo, hi]}. */
  Duration minutes(int lo, int hi) {
    return Duration.ofMinutes(lo + random.nextInt(hi - lo + 1));
  }

  /** Uniform in {@code [lo, hi)}. */
  double between(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }
}
