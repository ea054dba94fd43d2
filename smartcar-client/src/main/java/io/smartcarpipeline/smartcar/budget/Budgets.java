package io.smartcarpipeline.smartcar.budget;

import io.smartcarpipeline.smartcar.errors.Classification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The gates every call passes, in order: the vehicle's spacing, the circuit breaker, the app-wide
 * token bucket. {@link #waitBeforeCall} either admits the call (zero) and charges the budgets, or
 * says how long to wait without charging anything, so waiting calls do not burn tokens. Used from
 * one event loop only.
 */
public final class Budgets {

  private final Clock clock;
  private final TokenBucket bucket;
  private final VehicleSpacing spacing;
  private final CircuitBreaker breaker;
  private final Duration defaultAppHold;

  public Budgets(
      Clock clock,
      TokenBucket bucket,
      VehicleSpacing spacing,
      CircuitBreaker breaker,
      Duration defaultAppHold) {
    this.clock = clock;
    this.bucket = bucket;
    this.spacing = spacing;
    this.breaker = breaker;
    this.defaultAppHold = defaultAppHold;
  }

  /** Zero if a call for the vehicle may start now (and it is then charged), else the wait. */
  public Duration waitBeforeCall(String vehicleId) {
    Duration vehicleWait = spacing.waitFor(vehicleId);
    if (!vehicleWait.isZero()) {
      return vehicleWait;
    }
    Duration breakerWait = breaker.waitTime();
    if (!breakerWait.isZero()) {
      return breakerWait;
    }
    Duration bucketWait = bucket.tryAcquire();
    if (!bucketWait.isZero()) {
      return bucketWait;
    }
    breaker.permit(); // admitted above, so this takes the slot (the probe when half-open)
    spacing.called(vehicleId, null);
    return Duration.ZERO;
  }

  /** Feeds one classified outcome back: breaker, app-wide hold, vehicle Retry-After. */
  public void after(String vehicleId, Classification c) {
    breaker.record(c.brokenService());
    Instant now = clock.instant();
    if (c.appWide()) {
      bucket.drainUntil(now.plus(c.retryAfter() != null ? c.retryAfter() : defaultAppHold));
    } else if (c.retryAfter() != null) {
      spacing.called(vehicleId, now.plus(c.retryAfter()));
    }
  }

  /**
   * Calls to {@code vehicleId} wait {@code hold} from now (for example after the OEM's own rate
   * limit, docs/smartcar-v3.md §5.2).
   */
  public void holdVehicle(String vehicleId, Duration hold) {
    spacing.called(vehicleId, clock.instant().plus(hold));
  }

  /** An admitted call was not made after all (expired before the wire). */
  public void notCalled() {
    breaker.release();
  }

  /** This process's share of the app bucket (its owner's event loop only). */
  public TokenBucket bucket() {
    return bucket;
  }

  public CircuitBreaker breaker() {
    return breaker;
  }
}
