package io.smartcarpipeline.sim.load;

import java.time.Duration;

/**
 * One event loop's share of a closed-loop run: {@code concurrency} requests outstanding, each
 * answer sends the next, until the duration is over. Latency runs from the actual send (in a closed
 * loop the sender waits for the server, so this is service time under maximum load); answers after
 * the duration are awaited but not counted.
 */
final class ClosedLoopRun extends LoadRun {

  private final int concurrency;
  private long end;

  ClosedLoopRun(
      LoadGenerator generator,
      RequestSource source,
      int concurrency,
      Duration duration,
      int index,
      int stride) {
    super(generator, source, duration, index, stride);
    this.concurrency = concurrency;
  }

  @Override
  void begin() {
    for (int i = 0; i < concurrency; i++) {
      send(sent, -1);
    }
  }

  @Override
  boolean counts(long now) {
    if (now - start <= durationNanos) {
      end = now;
      return true;
    }
    return false;
  }

  @Override
  void answered(long now) {
    if (now - start < durationNanos) {
      send(sent, -1);
    } else if (done == sent) {
      complete(end - start);
    }
  }
}
