package io.smartcarpipeline.processors.metrics;

import java.util.Arrays;

/**
 * Exact percentiles of a set of ages by nearest rank (the smallest age that at least {@code q} of
 * the set is not above). Plain Java; an empty set has no percentiles (NaN).
 */
public final class AgePercentiles {

  private final double[] sortedSeconds;

  private AgePercentiles(double[] sortedSeconds) {
    this.sortedSeconds = sortedSeconds;
  }

  /** The percentiles of {@code ageSeconds} (the array is copied). */
  public static AgePercentiles of(double[] ageSeconds) {
    double[] sorted = ageSeconds.clone();
    Arrays.sort(sorted);
    return new AgePercentiles(sorted);
  }

  /** The {@code q} quantile (0 &lt; q ≤ 1) in seconds, NaN for an empty set. */
  public double quantile(double q) {
    if (q <= 0 || q > 1) {
      throw new IllegalArgumentException("quantile must be in (0, 1], was " + q);
    }
    if (sortedSeconds.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sortedSeconds.length);
    return sortedSeconds[Math.max(0, rank - 1)];
  }

  public int count() {
    return sortedSeconds.length;
  }
}
