package io.smartcarpipeline.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians over repeated runs: what BENCHMARKS.md quotes, never the best run. */
final class Stats {

  private Stats() {}

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** {@code "median of n runs (min–max)"}, or empty for one run. */
  static String spread(List<Double> values) {
    if (values.size() < 2) {
      return "";
    }
    return "median of "
        + values.size()
        + " runs ("
        + Report.format(Collections.min(values))
        + "–"
        + Report.format(Collections.max(values))
        + ")";
  }

  static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }
}
