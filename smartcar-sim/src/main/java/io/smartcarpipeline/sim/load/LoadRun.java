package io.smartcarpipeline.sim.load;

import io.vertx.core.Promise;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What an open-loop and a closed-loop run share: one event loop's counters and latency histogram,
 * and the sending of one request with its tally. Rule: all state is touched on that one event loop
 * only, so nothing here is synchronised; a subclass decides when to send, from when latency runs
 * and whether an answer still counts.
 */
abstract class LoadRun {

  private final LoadGenerator generator;
  private final RequestSource source;
  private final int index;
  private final int stride;
  final long durationNanos;
  final Histogram micros = LoadGenerator.newHistogram();
  long start;
  long sent;
  long done;
  long ok;
  long failed;
  private Promise<LoadResult> result;

  LoadRun(LoadGenerator generator, RequestSource source, Duration duration, int index, int stride) {
    this.generator = generator;
    this.source = source;
    this.durationNanos = duration.toNanos();
    this.index = index;
    this.stride = stride;
  }

  /** Starts the run on the current event loop; {@code result} completes when it is over. */
  final void start(Promise<LoadResult> result) {
    this.result = result;
    this.start = System.nanoTime();
    begin();
  }

  /** Sends the first requests. */
  abstract void begin();

  /** Whether an answer at {@code now} belongs to the measured run. */
  abstract boolean counts(long now);

  /** Called after every answer has been tallied. */
  abstract void answered(long now);

  /**
   * Sends this loop's {@code n}-th request; its latency is measured from {@code latencyFrom} (the
   * intended send time in an open loop, the actual one in a closed loop), or from now when
   * negative.
   */
  final void send(long n, long latencyFrom) {
    RequestSource.Request request = source.next(n * stride + index);
    long from = latencyFrom < 0 ? System.nanoTime() : latencyFrom;
    sent++;
    generator
        .send(request)
        .onComplete(
            ar -> {
              long now = System.nanoTime();
              int status = ar.succeeded() ? ar.result() : 0;
              if (counts(now)) {
                tally(status, now - from);
              }
              done++;
              source.completed(request, status, now);
              answered(now);
            });
  }

  private void tally(int status, long latencyNanos) {
    if (status >= 200 && status < 300) {
      ok++;
      micros.recordValue(Math.min(LoadGenerator.HIGHEST_MICROS, latencyNanos / 1000));
    } else {
      failed++;
    }
  }

  final void complete(long elapsedNanos) {
    result.tryComplete(new LoadResult(sent, ok, failed, Math.max(1, elapsedNanos), micros));
  }

  final LoadGenerator generator() {
    return generator;
  }
}
