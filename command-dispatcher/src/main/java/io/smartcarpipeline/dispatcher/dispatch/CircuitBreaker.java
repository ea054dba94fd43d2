package io.smartcarpipeline.dispatcher.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Stops calling Smartcar while it fails broadly, and resumes on its own. It looks at the last
 * {@code window} calls: when at least {@code minCalls} of them were made and the share that failed
 * for Smartcar-side reasons (5xx, 502 UPSTREAM, network) reaches {@code failureRate}, it opens for
 * {@code openFor}; then one probe call goes through (half-open) and its outcome closes or re-opens
 * it. Vehicle-side refusals (asleep, validation…) are answers, not failures. Commands are not
 * failed while it is open: they wait, bounded by their expiry and the retry policy. Not
 * thread-safe.
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

  private final Clock clock;
  private final int window;
  private final int minCalls;
  private final double failureRate;
  private final Duration openFor;
  private final Consumer<State> listener;
  private final Deque<Boolean> outcomes = new ArrayDeque<>();
  private int failures;
  private State state = State.CLOSED;
  private Instant openUntil = Instant.MIN;
  private boolean probeInFlight;

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
    this.window = window;
    this.minCalls = minCalls;
    this.failureRate = failureRate;
    this.openFor = openFor;
    this.listener = listener;
  }

  /** How long a call would have to wait now, without taking a slot. */
  public Duration waitTime() {
    Instant now = clock.instant();
    if (state == State.OPEN && now.isBefore(openUntil)) {
      return Duration.between(now, openUntil);
    }
    if (state == State.HALF_OPEN && probeInFlight) {
      return probeWait();
    }
    return Duration.ZERO;
  }

  /** Zero when a call may go now (taking the probe slot when half-open), else how long to wait. */
  public Duration permit() {
    Instant now = clock.instant();
    if (state == State.OPEN) {
      if (now.isBefore(openUntil)) {
        return Duration.between(now, openUntil);
      }
      transition(State.HALF_OPEN);
    }
    if (state == State.HALF_OPEN) {
      if (probeInFlight) {
        return probeWait();
      }
      probeInFlight = true;
    }
    return Duration.ZERO;
  }

  /** A permitted call was not made after all (expired, no token): frees the probe slot. */
  public void release() {
    if (state == State.HALF_OPEN) {
      probeInFlight = false;
    }
  }

  /** Records the outcome of a permitted call: {@code failed} = Smartcar-side failure. */
  public void record(boolean failed) {
    if (state == State.HALF_OPEN) {
      probeInFlight = false;
      if (failed) {
        open();
      } else {
        outcomes.clear();
        failures = 0;
        transition(State.CLOSED);
      }
      return;
    }
    outcomes.addLast(failed);
    failures += failed ? 1 : 0;
    if (outcomes.size() > window) {
      failures -= outcomes.removeFirst() ? 1 : 0;
    }
    if (state == State.CLOSED
        && outcomes.size() >= minCalls
        && failures >= failureRate * outcomes.size()) {
      open();
    }
  }

  private Duration probeWait() {
    Duration d = openFor.dividedBy(4);
    return d.isZero() ? Duration.ofMillis(1) : d;
  }

  public State state() {
    return state;
  }

  private void open() {
    openUntil = clock.instant().plus(openFor);
    outcomes.clear();
    failures = 0;
    transition(State.OPEN);
  }

  private void transition(State next) {
    if (next != state) {
      state = next;
      listener.accept(next);
    }
  }
}
