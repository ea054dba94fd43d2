package io.smartcarpipeline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of a benchmark repeated {@code --runs} times: collected per run in the order they were
 * first added, then reported once each as the median over the runs, with the spread in the note.
 */
final class RunFigures {

  private record Figure(String unit, String note, List<Double> values) {}

  private final Map<String, Figure> figures = new LinkedHashMap<>();

  /** One run's value of {@code metric}. */
  void add(String metric, double value, String unit, String note) {
    figures
        .computeIfAbsent(metric, m -> new Figure(unit, note, new ArrayList<>()))
        .values()
        .add(value);
  }

  /** Adds the median of every figure to {@code report}. */
  void report(Report report, String benchmark) {
    figures.forEach(
        (metric, f) -> {
          String spread = Stats.spread(f.values());
          String note =
              f.note().isEmpty() ? spread : spread.isEmpty() ? f.note() : f.note() + "; " + spread;
          report.add(benchmark, metric, Stats.median(f.values()), f.unit(), note);
        });
  }
}
