package io.smartcarpipeline.bench.load;

import io.vertx.core.Promise;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * One event loop's share of a closed-loop run: {@code concurrency} requests outstanding, each
 * answer sends the next, until the duration is over. Latency runs from the actual send (in a closed
 * loop the sender waits for the server, so this is service time under maximum load).
 */
final class ClosedLoopRun {

  private final LoadGenerator generator;
  private final RequestSource source;
  private final int concurrency;
  private final long durationNanos;
  private final int index;
  private final int stride;
  private final Histogram micros = LoadGenerator.newHistogram();
  private long start;
  private long next;
  private long sent;
  private long done;
  private long ok;
  private long failed;
  private long end;
  private Promise<LoadResult> result;

  ClosedLoopRun(
      LoadGenerator generator,
      RequestSource source,
      int concurrency,
      Duration duration,
      int index,
      int stride) {
    this.generator = generator;
    this.source = source;
    this.concurrency = concurrency;
    this.durationNanos = duration.toNanos();
    this.index = index;
    this.stride = stride;
  }

  void start(Promise<LoadResult> result) {
    this.result = result;
    this.start = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      fire();
    }
  }

  private void fire() {
    long seq = next++ * stride + index;
    RequestSource.Request request = source.next(seq);
    long sentAt = System.nanoTime();
    sent++;
    generator
        .send(request)
        .onComplete(
            ar -> {
              long now = System.nanoTime();
              int status = ar.succeeded() ? ar.result() : 0;
              if (now - start <= durationNanos) {
                if (status >= 200 && status < 300) {
                  ok++;
                  micros.recordValue(Math.min(LoadGenerator.HIGHEST_MICROS, (now - sentAt) / 1000));
                } else {
                  failed++;
                }
                end = now;
              }
              done++;
              source.completed(request, status, now);
              if (now - start < durationNanos) {
                fire();
              } else if (done == sent) {
                result.tryComplete(
                    new LoadResult(sent, ok, failed, Math.max(1, end - start), micros));
              }
            });
  }
}
