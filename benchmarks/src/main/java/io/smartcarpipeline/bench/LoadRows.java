package io.smartcarpipeline.bench;

import io.smartcarpipeline.sim.load.LoadResult;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Turns repeated load runs into report rows: the median of each figure over the runs. */
final class LoadRows {

  private LoadRows() {}

  static double median(List<LoadResult> runs, ToDoubleFunction<LoadResult> figure) {
    return Stats.median(runs.stream().map(figure::applyAsDouble).toList());
  }

  /** Adds accepted/s, p50, p99 and p99.9 of {@code runs}; returns the median rate. */
  static double add(Report report, String bench, String label, List<LoadResult> runs, String unit) {
    List<Double> rates = runs.stream().map(LoadResult::okPerSecond).toList();
    long failed = runs.stream().mapToLong(LoadResult::failed).sum();
    double rate = Stats.median(rates);
    String note = Stats.spread(rates);
    if (failed > 0) {
      note = (note + "; " + failed + " failed/non-2xx").trim();
    }
    report.add(bench, label + ": " + unit, rate, "1/s", note);
    report.add(bench, label + ": p50", median(runs, r -> r.millisAt(50)), "ms", "");
    report.add(bench, label + ": p99", median(runs, r -> r.millisAt(99)), "ms", "");
    report.add(bench, label + ": p99.9", median(runs, r -> r.millisAt(99.9)), "ms", "");
    return rate;
  }
}
