package io.smartcarpipeline.sim.load;

import java.time.Duration;

/**
 * One event loop's share of an open-loop run. A 1 ms timer sends every request whose intended time
 * has come; each request's latency runs from its intended time ({@code start + i / rate}), so
 * queueing anywhere (in the client pool, in the server) is charged to the server. The run ends when
 * every request due within the duration has been answered, and its time runs until that last
 * answer: a server that lags behind the offered rate shows a lower rate, not the offered one.
 */
final class OpenLoopRun extends LoadRun {

  private final double intervalNanos;
  private long timer;
  private boolean allScheduled;

  OpenLoopRun(
      LoadGenerator generator,
      RequestSource source,
      double ratePerSecond,
      Duration duration,
      int index,
      int stride) {
    super(generator, source, duration, index, stride);
    this.intervalNanos = 1e9 / ratePerSecond;
  }

  @Override
  void begin() {
    this.timer = generator().vertx().setPeriodic(1, id -> tick());
    tick();
  }

  private void tick() {
    long now = System.nanoTime();
    long due = (long) (Math.min(now - start, durationNanos) / intervalNanos) + 1;
    while (sent < due) {
      send(sent, start + (long) (sent * intervalNanos));
    }
    if (now - start >= durationNanos) {
      generator().vertx().cancelTimer(timer);
      allScheduled = true;
      answered(now);
    }
  }

  @Override
  boolean counts(long now) {
    return true;
  }

  @Override
  void answered(long now) {
    if (allScheduled && done == sent) {
      complete(Math.max(durationNanos, now - start));
    }
  }
}
