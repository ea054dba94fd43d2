package io.smartcarpipeline.smartcar.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The client-side mirror of this process's share ({@link BudgetShare}) of Smartcar's app-wide limit
 * (docs/smartcar-v3.md §5.3: 120 requests, +2 per minute for the whole application): every call,
 * first or retry, takes a token, so a burst of commands or retries waits here instead of earning
 * 429s. After an app-wide 429 the bucket is emptied and held until Retry-After. Plain Java with an
 * injected clock; not thread-safe (used from the caller's event loop).
 */
public final class TokenBucket {

  private final Clock clock;
  private final double capacity;
  private final double tokensPerMilli;
  private double tokens;
  private Instant updatedAt;
  private Instant heldUntil = Instant.MIN;

  public TokenBucket(Clock clock, int capacity, double refillPerMinute) {
    if (capacity < 1 || refillPerMinute <= 0) {
      throw new IllegalArgumentException("bucket needs capacity >= 1 and a positive refill rate");
    }
    this.clock = clock;
    this.capacity = capacity;
    this.tokensPerMilli = refillPerMinute / 60_000.0;
    this.tokens = capacity;
    this.updatedAt = clock.instant();
  }

  /** Takes a token and returns zero, or returns how long to wait before asking again. */
  public Duration tryAcquire() {
    Instant now = clock.instant();
    refill(now);
    if (now.isBefore(heldUntil)) {
      return Duration.between(now, heldUntil);
    }
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return Duration.ZERO;
    }
    long millis = (long) Math.ceil((1.0 - tokens) / tokensPerMilli);
    return Duration.ofMillis(Math.max(1, millis));
  }

  /** Smartcar said the app-wide bucket is empty: empty ours and hold until {@code until}. */
  public void drainUntil(Instant until) {
    refill(clock.instant());
    tokens = 0;
    if (until.isAfter(heldUntil)) {
      heldUntil = until;
    }
  }

  /** The bucket's size: the most tokens it holds. */
  public int capacity() {
    return (int) capacity;
  }

  /**
   * Tokens now available (for metrics and tests). Refills first, so it changes the bucket: call it
   * on the owning event loop only (metrics sample it there, see {@code metrics.BudgetGauges}).
   */
  public double available() {
    refill(clock.instant());
    return tokens;
  }

  private void refill(Instant now) {
    if (now.isAfter(updatedAt)) {
      tokens =
          Math.min(capacity, tokens + Duration.between(updatedAt, now).toMillis() * tokensPerMilli);
      updatedAt = now;
    }
  }
}
