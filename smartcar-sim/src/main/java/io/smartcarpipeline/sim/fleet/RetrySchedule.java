package io.smartcarpipeline.sim.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When Smartcar tries a delivery again (docs/smartcar-v3.md §2.5): after a non-2xx answer or a
 * timeout it waits 25 s, 50 s, then 100 s (simulated time) and after the fourth failed attempt
 * drops the event for good. In accelerated time each wait is divided by the time factor.
 *
 * @param waits the simulated waits before retry 1, 2, 3…
 * @param timeFactor simulated seconds per real second (≥ 1 makes waits shorter)
 */
public record RetrySchedule(List<Duration> waits, double timeFactor) {

  /** Smartcar's waits. */
  public static final List<Duration> SMARTCAR_WAITS =
      List.of(Duration.ofSeconds(25), Duration.ofSeconds(50), Duration.ofSeconds(100));

  public RetrySchedule {
    waits = List.copyOf(waits);
    if (!(timeFactor > 0)) {
      throw new IllegalArgumentException("timeFactor must be > 0, was " + timeFactor);
    }
  }

  /** Smartcar's schedule at this time factor. */
  public static RetrySchedule smartcar(double timeFactor) {
    return new RetrySchedule(SMARTCAR_WAITS, timeFactor);
  }

  /** Attempts in all (the first one plus the retries): 4 for Smartcar. */
  public int maxAttempts() {
    return waits.size() + 1;
  }

  /**
   * The real wait before the next attempt, after {@code failedAttempts} attempts failed; empty when
   * the event is to be dropped.
   */
  public Optional<Duration> realWaitAfter(int failedAttempts) {
    if (failedAttempts < 1 || failedAttempts > waits.size()) {
      return Optional.empty();
    }
    double nanos = waits.get(failedAttempts - 1).toNanos() / timeFactor;
    return Optional.of(Duration.ofNanos(Math.round(nanos)));
  }

  /** The simulated wait before the next attempt (for {@code deliveredAt}), if any. */
  public Optional<Duration> simulatedWaitAfter(int failedAttempts) {
    if (failedAttempts < 1 || failedAttempts > waits.size()) {
      return Optional.empty();
    }
    return Optional.of(waits.get(failedAttempts - 1));
  }
}
