package io.smartcarpipeline.sim.load;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured: requests sent, answered 2xx, failed (non-2xx or transport error), the
 * measured time, and the latency histogram in microseconds (from the intended send time in open
 * loop). Rule: throughput counts only 2xx answers.
 */
public record LoadResult(long sent, long ok, long failed, long elapsedNanos, Histogram micros) {

  /** 2xx answers per second over the run. */
  public double okPerSecond() {
    return elapsedNanos == 0 ? 0 : ok * 1e9 / elapsedNanos;
  }

  /** The latency at {@code percentile} (0..100), in milliseconds. */
  public double millisAt(double percentile) {
    return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
  }

  /** The slowest 2xx answer, in milliseconds. */
  public double maxMillis() {
    return micros.getTotalCount() == 0 ? 0 : micros.getMaxValue() / 1000.0;
  }

  /** The parts of one run on several event loops as one: counts added, the longest time. */
  static LoadResult merge(List<LoadResult> parts) {
    long sent = 0;
    long ok = 0;
    long failed = 0;
    long elapsed = 0;
    Histogram h = LoadGenerator.newHistogram();
    for (LoadResult r : parts) {
      sent += r.sent;
      ok += r.ok;
      failed += r.failed;
      elapsed = Math.max(elapsed, r.elapsedNanos);
      h.add(r.micros);
    }
    return new LoadResult(sent, ok, failed, elapsed, h);
  }
}
