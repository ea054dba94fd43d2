package io.smartcarpipeline.bench.load;

import io.vertx.core.Promise;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * One event loop's share of an open-loop run. A 1 ms timer sends every request whose intended time
 * has come; each request's latency runs from its intended time ({@code start + i / rate}), so
 * queueing anywhere (in the client pool, in the server) is charged to the server. The run ends when
 * every request due within the duration has been answered.
 */
final class OpenLoopRun {

  private final LoadGenerator generator;
  private final RequestSource source;
  private final double intervalNanos;
  private final long durationNanos;
  private final int index;
  private final int stride;
  private final Histogram micros = LoadGenerator.newHistogram();
  private long start;
  private long scheduled;
  private long done;
  private long ok;
  private long failed;
  private long timer;
  private boolean allScheduled;
  private Promise<LoadResult> result;

  OpenLoopRun(
      LoadGenerator generator,
      RequestSource source,
      double ratePerSecond,
      Duration duration,
      int index,
      int stride) {
    this.generator = generator;
    this.source = source;
    this.intervalNanos = 1e9 / ratePerSecond;
    this.durationNanos = duration.toNanos();
    this.index = index;
    this.stride = stride;
  }

  void start(Promise<LoadResult> result) {
    this.result = result;
    this.start = System.nanoTime();
    this.timer = generator.vertx().setPeriodic(1, id -> tick());
    tick();
  }

  private void tick() {
    long now = System.nanoTime();
    long due = (long) (Math.min(now - start, durationNanos) / intervalNanos) + 1;
    while (scheduled < due) {
      long intended = start + (long) (scheduled * intervalNanos);
      fire(scheduled * stride + index, intended);
      scheduled++;
    }
    if (now - start >= durationNanos) {
      generator.vertx().cancelTimer(timer);
      allScheduled = true;
      finishIfDone();
    }
  }

  private void fire(long seq, long intendedNanos) {
    RequestSource.Request request = source.next(seq);
    generator
        .send(request)
        .onComplete(
            ar -> {
              long end = System.nanoTime();
              int status = ar.succeeded() ? ar.result() : 0;
              if (status >= 200 && status < 300) {
                ok++;
                micros.recordValue(
                    Math.min(LoadGenerator.HIGHEST_MICROS, (end - intendedNanos) / 1000));
              } else {
                failed++;
              }
              done++;
              source.completed(request, status, end);
              finishIfDone();
            });
  }

  private void finishIfDone() {
    if (allScheduled && done == scheduled) {
      result.tryComplete(new LoadResult(scheduled, ok, failed, Math.max(durationNanos, 1), micros));
    }
  }
}
