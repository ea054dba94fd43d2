package io.smartcarpipeline.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dispatcher's {@code dispatcher_command_phase_seconds} histograms as scraped from its {@code
 * /metrics} (Prometheus text): cumulative bucket counts per phase. Two scrapes are subtracted to
 * get the commands of one step only; percentiles are interpolated linearly inside a bucket, so they
 * are as fine as the buckets (Micrometer's percentile buckets, ~10–30% apart).
 */
final class PhaseHistograms {

  static final String BUCKET = "dispatcher_command_phase_seconds_bucket";
  private static final Pattern PHASE = Pattern.compile("phase=\"([^\"]+)\"");
  private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

  /** phase → upper bound in seconds → commands at or below it. */
  private final Map<String, TreeMap<Double, Double>> buckets;

  private PhaseHistograms(Map<String, TreeMap<Double, Double>> buckets) {
    this.buckets = buckets;
  }

  static PhaseHistograms parse(String prometheusText) {
    Map<String, TreeMap<Double, Double>> buckets = new HashMap<>();
    for (String line : prometheusText.split("\n")) {
      if (!line.startsWith(BUCKET + "{")) {
        continue;
      }
      Matcher phase = PHASE.matcher(line);
      Matcher le = LE.matcher(line);
      if (!phase.find() || !le.find()) {
        continue;
      }
      String bound = le.group(1);
      double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
      double count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      buckets.computeIfAbsent(phase.group(1), p -> new TreeMap<>()).put(upper, count);
    }
    return new PhaseHistograms(buckets);
  }

  /** What was recorded after {@code earlier}. */
  PhaseHistograms since(PhaseHistograms earlier) {
    Map<String, TreeMap<Double, Double>> out = new HashMap<>();
    buckets.forEach(
        (phase, counts) -> {
          TreeMap<Double, Double> before = earlier.buckets.getOrDefault(phase, new TreeMap<>());
          TreeMap<Double, Double> delta = new TreeMap<>();
          counts.forEach((le, n) -> delta.put(le, n - before.getOrDefault(le, 0.0)));
          out.put(phase, delta);
        });
    return new PhaseHistograms(out);
  }

  /** Commands (or attempts) recorded for {@code phase}. */
  long count(String phase) {
    TreeMap<Double, Double> counts = buckets.get(phase);
    return counts == null || counts.isEmpty() ? 0 : Math.round(counts.lastEntry().getValue());
  }

  /**
   * The {@code percentile} of {@code phase} in milliseconds, 0 when nothing was recorded; a value
   * beyond the last finite bucket is reported as that bucket's bound.
   */
  double millisAt(String phase, double percentile) {
    long total = count(phase);
    if (total == 0) {
      return 0;
    }
    double rank = Math.max(1, Math.ceil(percentile / 100 * total));
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> b : buckets.get(phase).entrySet()) {
      if (b.getValue() >= rank) {
        if (b.getKey().isInfinite()) {
          return lowerBound * 1000;
        }
        double share = (rank - lowerCount) / (b.getValue() - lowerCount);
        return (lowerBound + (b.getKey() - lowerBound) * share) * 1000;
      }
      lowerBound = b.getKey();
      lowerCount = b.getValue();
    }
    return lowerBound * 1000;
  }
}
