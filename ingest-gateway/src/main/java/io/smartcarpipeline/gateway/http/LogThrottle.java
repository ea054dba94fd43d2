package io.smartcarpipeline.gateway.http;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Decides which occurrences of a repeated event get a log line: the first one, then at most one per
 * interval, each telling how many were suppressed since the last line. Rule: a broker outage that
 * fails thousands of requests writes a handful of lines, and no occurrence goes uncounted. Plain
 * Java, thread-safe, with the clock injected so tests are exact.
 */
public final class LogThrottle {

  private final Duration interval;
  private final Supplier<Instant> clock;
  private Instant lastLogged;
  private long suppressed;
  // Lets drain() skip the lock when nothing happened: it is called on every success.
  private volatile boolean active;

  public LogThrottle(Duration interval, Supplier<Instant> clock) {
    this.interval = interval;
    this.clock = clock;
  }

  /**
   * One occurrence. Returns the number suppressed since the last line when this one should be
   * logged, or empty when it should be counted and not logged.
   */
  public synchronized OptionalLong tryAcquire() {
    Instant now = clock.get();
    if (lastLogged != null && now.isBefore(lastLogged.plus(interval))) {
      suppressed++;
      return OptionalLong.empty();
    }
    long count = suppressed;
    lastLogged = now;
    suppressed = 0;
    active = true;
    return OptionalLong.of(count);
  }

  /**
   * The occurrences suppressed since the last line, if any, for a closing summary (e.g. when the
   * trouble is over); resets, so the next occurrence is logged at once.
   */
  public OptionalLong drain() {
    if (!active) {
      return OptionalLong.empty();
    }
    synchronized (this) {
      long count = suppressed;
      lastLogged = null;
      suppressed = 0;
      active = false;
      return count > 0 ? OptionalLong.of(count) : OptionalLong.empty();
    }
  }
}
