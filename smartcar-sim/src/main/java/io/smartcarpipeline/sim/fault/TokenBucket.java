package io.smartcarpipeline.sim.fault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Smartcar's app-wide request limit (docs/smartcar-v3.md §5.3): a token bucket of {@code capacity}
 * requests refilling continuously at {@code refillPerMinute}. Time comes from an injected {@link
 * Clock}; thread-safe.
 *
 * <p>Rule: a request is allowed only if a whole token is available; an empty bucket means 429
 * {@code RATE_LIMIT:SMARTCAR_API}. A capacity of 0 or less switches the limit off.
 */
public final class TokenBucket {

  private final int capacity;
  private final double refillPerMinute;
  private final Clock clock;
  private double tokens;
  private Instant lastRefill;

  public TokenBucket(int capacity, double refillPerMinute, Clock clock) {
    if (refillPerMinute < 0 || !Double.isFinite(refillPerMinute)) {
      throw new IllegalArgumentException("refillPerMinute must be >= 0, was " + refillPerMinute);
    }
    this.capacity = capacity;
    this.refillPerMinute = refillPerMinute;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tokens = Math.max(capacity, 0);
    this.lastRefill = clock.instant();
  }

  /** A bucket that never runs out. */
  public static TokenBucket unlimited(Clock clock) {
    return new TokenBucket(0, 0, clock);
  }

  /** Takes one token if available; false means the caller must answer 429. */
  public synchronized boolean tryAcquire() {
    if (capacity <= 0) {
      return true;
    }
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Whole tokens available now. */
  public synchronized int available() {
    if (capacity <= 0) {
      return Integer.MAX_VALUE;
    }
    refill();
    return (int) Math.floor(tokens);
  }

  /** Seconds until the next whole token (at least 1), for the {@code Retry-After} header. */
  public synchronized int secondsUntilNextToken() {
    if (capacity <= 0) {
      return 0;
    }
    refill();
    if (tokens >= 1) {
      return 0;
    }
    if (refillPerMinute == 0) {
      return 3600;
    }
    double seconds = (1 - tokens) * 60.0 / refillPerMinute;
    return (int) Math.max(1, Math.ceil(seconds - 1e-6)); // tolerate float rounding
  }

  public int capacity() {
    return capacity;
  }

  public double refillPerMinute() {
    return refillPerMinute;
  }

  private void refill() {
    Instant now = clock.instant();
    long elapsedNanos = Duration.between(lastRefill, now).toNanos();
    if (elapsedNanos > 0) {
      tokens = Math.min(capacity, tokens + elapsedNanos * refillPerMinute / 60e9);
      lastRefill = now;
    }
  }
}
