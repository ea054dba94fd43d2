package io.smartcarpipeline.smartcar.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void shouldLetABurstUpToCapacityThroughThenRefillSlowly() {
    TokenBucket bucket = new TokenBucket(clock, 3, 2.0); // 2 per minute: one every 30 s

    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(30));
    assertThat(bucket.tryAcquire()).isZero();
  }

  @Test
  void shouldHoldEveryoneAfterAnAppWideRateLimit() {
    TokenBucket bucket = new TokenBucket(clock, 100, 1000.0);

    bucket.drainUntil(clock.instant().plusSeconds(5));

    assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(5));
    assertThat(bucket.tryAcquire()).isZero();
  }

  @Test
  void shouldSpaceCallsToTheSameVehicleOnly() {
    VehicleSpacing spacing = new VehicleSpacing(clock, Duration.ofSeconds(2));

    spacing.called("v1", null);

    assertThat(spacing.waitFor("v1")).isEqualTo(Duration.ofSeconds(2));
    assertThat(spacing.waitFor("v2")).isZero();
    spacing.called("v2", clock.instant().plusSeconds(10)); // Retry-After pushes further
    assertThat(spacing.waitFor("v2")).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void shouldOpenOnBroadFailuresAndCloseAfterASuccessfulProbe() {
    List<CircuitBreaker.State> changes = new ArrayList<>();
    CircuitBreaker breaker =
        new CircuitBreaker(clock, 4, 4, 0.5, Duration.ofSeconds(10), changes::add);

    breaker.record(false);
    breaker.record(true);
    breaker.record(false);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED); // 3 calls < minCalls
    breaker.record(true); // 2 of 4 failed
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.permit()).isEqualTo(Duration.ofSeconds(10));

    clock.advance(Duration.ofSeconds(10));
    // resilience4j half-opens strictly after the open time: at the instant itself, 1 ms more
    assertThat(breaker.permit()).isEqualTo(Duration.ofMillis(1));
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    clock.advance(Duration.ofMillis(1));
    assertThat(breaker.permit()).isZero(); // the probe
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(breaker.waitTime()).isPositive(); // nobody else while the probe runs
    breaker.record(false);

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(changes)
        .containsExactly(
            CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.CLOSED);
  }

  @Test
  void shouldReopenWhenTheProbeFails() {
    CircuitBreaker breaker = new CircuitBreaker(clock, 2, 2, 1.0, Duration.ofSeconds(10), s -> {});
    breaker.record(true);
    breaker.record(true);
    clock.advance(Duration.ofSeconds(10).plusMillis(1));
    assertThat(breaker.permit()).isZero(); // the probe
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);

    breaker.record(true);

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.waitTime()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void shouldFreeTheProbeSlotWhenThePermittedCallIsNotMade() {
    CircuitBreaker breaker = new CircuitBreaker(clock, 2, 2, 1.0, Duration.ofSeconds(10), s -> {});
    breaker.record(true);
    breaker.record(true);
    clock.advance(Duration.ofSeconds(11));
    assertThat(breaker.permit()).isZero(); // the probe
    assertThat(breaker.permit()).isEqualTo(Duration.ofMillis(2500)); // a quarter of openFor

    breaker.release();

    assertThat(breaker.waitTime()).isZero();
    assertThat(breaker.permit()).isZero(); // a new probe
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
  }

  @Test
  void shouldForgetFailuresThatLeftTheSlidingWindow() {
    CircuitBreaker breaker = new CircuitBreaker(clock, 4, 4, 0.75, Duration.ofSeconds(10), s -> {});
    breaker.record(true);
    breaker.record(true);
    breaker.record(false);
    breaker.record(false); // 2 of 4 failed: below 75 %
    breaker.record(false);
    breaker.record(false); // both failures left the window: 0 of 4
    breaker.record(true);
    breaker.record(true); // 2 of 4 again, not 4 of 8
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);

    breaker.record(true); // 3 of 4: 75 %

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void shouldNotChargeTheBucketWhileTheVehicleMustWait() {
    TokenBucket bucket = new TokenBucket(clock, 2, 1.0);
    Budgets budgets =
        new Budgets(
            clock,
            bucket,
            new VehicleSpacing(clock, Duration.ofSeconds(1)),
            new CircuitBreaker(clock, 10, 5, 0.5, Duration.ofSeconds(5), s -> {}),
            Duration.ofMinutes(1));

    assertThat(budgets.waitBeforeCall("v1")).isZero();
    assertThat(budgets.waitBeforeCall("v1")).isEqualTo(Duration.ofSeconds(1));

    assertThat(bucket.available()).isEqualTo(1.0);
  }
}
