package io.smartcarpipeline.dispatcher.retry;

import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.errors.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * When to call Smartcar again, as data: the attempt cap, the total-time budget, the transient and
 * vehicle schedules and the Retry-After ceiling. Immutable; the builder rejects bad values, so a
 * policy that exists is valid. The {@link Clock} and {@link Random} are injected so that tests get
 * exact delays. The policy never retries past its time budget, and never sleeps: it answers with a
 * delay and the caller sets a timer.
 */
public final class RetryPolicy {

  private final int maxAttempts;
  private final Duration maxTotalTime;
  private final Backoff transientBackoff;
  private final Backoff vehicleBackoff;
  private final Duration maxRetryAfter;
  private final Clock clock;
  private final Random random;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.maxTotalTime = b.maxTotalTime;
    this.transientBackoff = b.transientBackoff;
    this.vehicleBackoff = b.vehicleBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.clock = b.clock;
    this.random = b.random;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The decision after {@code attemptsMade} calls, the last of which was classified as {@code c}.
   *
   * @param firstAttemptAt when the first call started; the total-time budget counts from it
   */
  public RetryDecision next(Classification c, int attemptsMade, Instant firstAttemptAt) {
    if (c.verdict() != Verdict.RETRYABLE && c.verdict() != Verdict.REAUTHENTICATE) {
      return RetryDecision.stop(null);
    }
    int limit = c.attemptLimit() > 0 ? Math.min(c.attemptLimit(), maxAttempts) : maxAttempts;
    if (attemptsMade >= limit) {
      return RetryDecision.stop("gave up after " + attemptsMade + " attempts");
    }
    Duration delay = baseDelay(c, attemptsMade);
    if (c.retryAfter() != null) {
      if (c.retryAfter().compareTo(maxRetryAfter) > 0) {
        return RetryDecision.stop("Retry-After " + c.retryAfter().toSeconds() + " s is too long");
      }
      delay = c.retryAfter().compareTo(delay) > 0 ? c.retryAfter() : delay;
    }
    Instant deadline = firstAttemptAt.plus(maxTotalTime);
    if (clock.instant().plus(delay).isAfter(deadline)) {
      return RetryDecision.stop("retry time budget of " + maxTotalTime + " used up");
    }
    return RetryDecision.after(delay);
  }

  private Duration baseDelay(Classification c, int attemptsMade) {
    return switch (c.schedule()) {
      case IMMEDIATE, NONE -> Duration.ZERO;
      case VEHICLE -> vehicleBackoff.delay(attemptsMade, random);
      case TRANSIENT -> transientBackoff.delay(attemptsMade, random);
      case RETRY_AFTER ->
          c.retryAfter() != null ? c.retryAfter() : transientBackoff.delay(attemptsMade, random);
    };
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  public Clock clock() {
    return clock;
  }

  /** Builds a validated {@link RetryPolicy}; defaults suit the real Smartcar API. */
  public static final class Builder {
    private int maxAttempts = 6;
    private Duration maxTotalTime = Duration.ofMinutes(30);
    private Backoff transientBackoff =
        Backoffs.exponentialWithFullJitter(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1));
    private Backoff vehicleBackoff =
        Backoffs.schedule(
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)));
    private Duration maxRetryAfter = Duration.ofMinutes(15);
    private Clock clock = Clock.systemUTC();
    private Random random = new Random();

    private Builder() {}

    /** Total calls per command, including the first; at least 1. */
    public Builder maxAttempts(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, got " + value);
      }
      this.maxAttempts = value;
      return this;
    }

    /** No retry is scheduled to start later than this after the first call. */
    public Builder maxTotalTime(Duration value) {
      Objects.requireNonNull(value, "maxTotalTime");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("maxTotalTime must be positive, got " + value);
      }
      this.maxTotalTime = value;
      return this;
    }

    /** Backoff for server, upstream and network failures. */
    public Builder transientBackoff(Backoff value) {
      this.transientBackoff = Objects.requireNonNull(value, "transientBackoff");
      return this;
    }

    /** Backoff for ASLEEP / UNREACHABLE and OEM rate limits. */
    public Builder vehicleBackoff(Backoff value) {
      this.vehicleBackoff = Objects.requireNonNull(value, "vehicleBackoff");
      return this;
    }

    /** A longer Retry-After ends the retries instead of waiting. */
    public Builder maxRetryAfter(Duration value) {
      Objects.requireNonNull(value, "maxRetryAfter");
      if (value.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative, got " + value);
      }
      this.maxRetryAfter = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Builder random(Random value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
