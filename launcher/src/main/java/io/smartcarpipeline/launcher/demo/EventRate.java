package io.smartcarpipeline.launcher.demo;

/**
 * Accepted webhooks per second for the demo's summary, in two readings: since the previous line
 * (the live figure) and over the whole run (the final line's figure: everything accepted divided by
 * the seconds since the fleet started, never the last interval's rate). Plain arithmetic on counts
 * and {@link System#nanoTime()} readings passed in, so a test gives exact times.
 */
final class EventRate {

  /** A floor for elapsed time, so a reading right after another is not a division by zero. */
  private static final double MIN_SECONDS = 1e-3;

  private final long startNanos;
  private long lastCount;
  private long lastNanos;

  /** A rate measured from {@code startNanos}, with nothing counted yet. */
  EventRate(long startNanos) {
    this.startNanos = startNanos;
    this.lastNanos = startNanos;
  }

  /**
   * Events per second since the previous call (or the start); this reading becomes the previous.
   */
  double sinceLast(long count, long nowNanos) {
    double rate = (count - lastCount) / seconds(lastNanos, nowNanos);
    lastCount = count;
    lastNanos = nowNanos;
    return rate;
  }

  /** Events per second over the whole run: {@code count} over the seconds since the start. */
  double overall(long count, long nowNanos) {
    return count / seconds(startNanos, nowNanos);
  }

  /** Seconds since the start. */
  double elapsedSeconds(long nowNanos) {
    return (nowNanos - startNanos) / 1e9;
  }

  private static double seconds(long fromNanos, long toNanos) {
    return Math.max(MIN_SECONDS, (toNanos - fromNanos) / 1e9);
  }
}
