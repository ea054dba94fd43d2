package io.smartcarpipeline.smartcar.budget;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The settings of one process's budget gates: its share of the application's bucket, the spacing of
 * calls to one vehicle, and the circuit breaker. A service reads them through {@code
 * SmartcarClientSettings} under its own prefix ({@code DISPATCHER_RATE_BUCKET_CAPACITY}, {@code
 * FLEET_SYNC_BREAKER_WINDOW}, …), which validates each value naming its key.
 *
 * @param bucketCapacity this process's share of the app-wide bucket (see {@link BudgetShare})
 * @param refillPerMinute its refill, per minute
 * @param vehicleSpacing minimum gap between two calls for one vehicle
 * @param breakerWindow calls in the breaker's sliding window
 * @param breakerMinCalls calls needed before the failure rate counts
 * @param breakerFailureRate share of Smartcar-side failures that opens the breaker, in (0, 1]
 * @param breakerOpenFor how long the breaker stays open before its probe
 */
public record BudgetSettings(
    int bucketCapacity,
    double refillPerMinute,
    Duration vehicleSpacing,
    int breakerWindow,
    int breakerMinCalls,
    double breakerFailureRate,
    Duration breakerOpenFor) {

  /** How long an app-wide 429 without {@code Retry-After} holds the bucket. */
  static final Duration DEFAULT_APP_HOLD = Duration.ofMinutes(1);

  /**
   * The gates of every call, in order: vehicle spacing, circuit breaker, token bucket.
   *
   * @param onBreakerState told of every breaker state change (metric, log)
   */
  public Budgets budgets(Clock clock, Consumer<CircuitBreaker.State> onBreakerState) {
    CircuitBreaker breaker =
        new CircuitBreaker(
            clock,
            breakerWindow,
            breakerMinCalls,
            breakerFailureRate,
            breakerOpenFor,
            onBreakerState);
    return new Budgets(
        clock,
        new TokenBucket(clock, bucketCapacity, refillPerMinute),
        new VehicleSpacing(clock, vehicleSpacing),
        breaker,
        DEFAULT_APP_HOLD);
  }
}
