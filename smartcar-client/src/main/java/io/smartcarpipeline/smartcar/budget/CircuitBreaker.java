package io.smartcarpipeline.smartcar.budget;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stops calling Smartcar while it fails broadly, and resumes on its own: a thin adapter over
 * resilience4j's circuit breaker, which keeps the state machine. It looks at the last {@code
 * window} calls (count-based sliding window): when at least {@code minCalls} of them were made and
 * the share that failed for Smartcar-side reasons (5xx, 502 UPSTREAM, network) reaches {@code
 * failureRate}, it opens for {@code openFor}; then one probe call goes through (half-open) and its
 * outcome closes or re-opens it. Vehicle-side refusals (asleep, validation…) are answers, not
 * failures. Callers are never failed while it is open: they are told how long to wait.
 *
 * <p>What the adapter adds: a wait time that does not take a slot ({@link #waitTime()}), the probe
 * bookkeeping for that, and our three-state view for the metric. The library reads time from the
 * given {@link Clock}, so tests drive it by hand. Unlike a hand-written breaker, resilience4j moves
 * from OPEN to HALF_OPEN only strictly <em>after</em> {@code openFor} has passed, so the wait it
 * reports at that very instant is one millisecond. Used from one thread (an event loop).
 */
public final class CircuitBreaker {

  /** Breaker states, with the gauge value exported as a metric. */
  public enum State {
    CLOSED(0),
    HALF_OPEN(1),
    OPEN(2);

    private final int gauge;

    State(int gauge) {
      this.gauge = gauge;
    }

    public int gauge() {
      return gauge;
    }
  }

  /** What a Smartcar-side failure is recorded as (the library counts throwables). */
  private static final Exception FAILED = new IllegalStateException("Smartcar-side failure");

  private static final Duration MIN_WAIT = Duration.ofMillis(1);

  private final Clock clock;
  private final Duration openFor;
  private final io.github.resilience4j.circuitbreaker.CircuitBreaker breaker;
  private Instant openUntil = Instant.MIN;
  private boolean probeInFlight;

  /**
   * @param window calls in the sliding window
   * @param minCalls calls needed before the failure rate counts ({@code <= window})
   * @param failureRate share of failed calls that opens the breaker, in (0, 1]
   * @param openFor how long it stays open before the probe
   * @param listener told of every state change, for the metric and the log
   */
  public CircuitBreaker(
      Clock clock,
      int window,
      int minCalls,
      double failureRate,
      Duration openFor,
      Consumer<State> listener) {
    if (window < 1 || minCalls < 1 || minCalls > window || failureRate <= 0 || failureRate > 1) {
      throw new IllegalArgumentException(
          "breaker needs 1 <= minCalls <= window and 0 < failureRate <= 1");
    }
    this.clock = clock;
    this.openFor = openFor;
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .clock(clock)
            .currentTimestampFunction(Clock::millis, TimeUnit.MILLISECONDS)
            .slidingWindowType(SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(window)
            .minimumNumberOfCalls(minCalls)
            .failureRateThreshold((float) (failureRate * 100.0))
            .waitDurationInOpenState(openFor)
            .permittedNumberOfCallsInHalfOpenState(1)
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .writableStackTraceEnabled(false)
            .build();
    this.breaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("smartcar", config);
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              State next = map(event.getStateTransition().getToState());
              if (next == State.OPEN) {
                openUntil = clock.instant().plus(openFor);
              }
              listener.accept(next);
            });
  }

  /** How long a call would have to wait now, without taking a slot. */
  public Duration waitTime() {
    return switch (state()) {
      case OPEN -> openWait();
      case HALF_OPEN -> probeInFlight ? probeWait() : Duration.ZERO;
      case CLOSED -> Duration.ZERO;
    };
  }

  /** Zero when a call may go now (taking the probe slot when half-open), else how long to wait. */
  public Duration permit() {
    if (breaker.tryAcquirePermission()) {
      if (state() == State.HALF_OPEN) {
        probeInFlight = true;
      }
      return Duration.ZERO;
    }
    Duration wait = waitTime();
    return wait.isZero() ? MIN_WAIT : wait;
  }

  /** A permitted call was not made after all (expired, no token): frees the probe slot. */
  public void release() {
    if (probeInFlight) {
      probeInFlight = false;
      breaker.releasePermission();
    }
  }

  /** Records the outcome of a permitted call: {@code failed} = Smartcar-side failure. */
  public void record(boolean failed) {
    probeInFlight = false;
    if (failed) {
      breaker.onError(0, TimeUnit.NANOSECONDS, FAILED);
    } else {
      breaker.onSuccess(0, TimeUnit.NANOSECONDS);
    }
  }

  public State state() {
    return map(breaker.getState());
  }

  private Duration openWait() {
    Instant now = clock.instant();
    if (now.isAfter(openUntil)) {
      return Duration.ZERO; // the next permit() moves to HALF_OPEN
    }
    Duration left = Duration.between(now, openUntil);
    return left.isZero() ? MIN_WAIT : left;
  }

  private Duration probeWait() {
    Duration d = openFor.dividedBy(4);
    return d.isZero() ? MIN_WAIT : d;
  }

  private static State map(io.github.resilience4j.circuitbreaker.CircuitBreaker.State s) {
    return switch (s) {
      case CLOSED, DISABLED, METRICS_ONLY -> State.CLOSED;
      case HALF_OPEN -> State.HALF_OPEN;
      case OPEN, FORCED_OPEN -> State.OPEN;
    };
  }
}
