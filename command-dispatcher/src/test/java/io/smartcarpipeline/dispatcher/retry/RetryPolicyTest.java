package io.smartcarpipeline.dispatcher.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.dispatcher.errors.CommandSafety;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.errors.SmartcarErrorClassifier;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A Random whose draws are fixed, so full jitter gives known delays. */
  private static final class FixedRandom extends Random {
    private final double value;

    FixedRandom(double value) {
      this.value = value;
    }

    @Override
    public double nextDouble() {
      return value;
    }
  }

  private final MutableClock clock = new MutableClock(T0);
  private final SmartcarErrorClassifier classifier = new SmartcarErrorClassifier();

  private RetryPolicy.Builder policy(double draw) {
    return RetryPolicy.builder()
        .maxAttempts(6)
        .maxTotalTime(Duration.ofMinutes(30))
        .transientBackoff(
            Backoffs.exponentialWithFullJitter(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10)))
        .vehicleBackoff(
            Backoffs.schedule(
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15))))
        .maxRetryAfter(Duration.ofMinutes(2))
        .clock(clock)
        .random(new FixedRandom(draw));
  }

  private Classification serverError() {
    return classifier.classify(
        ApiResponse.error(500, "SERVER", "INTERNAL"), CommandSafety.callKind(CommandType.LOCK));
  }

  @Test
  void shouldGrowExponentiallyUpToTheCapWithFullJitter() {
    RetryPolicy p = policy(0.5).build();

    List<Long> delays =
        List.of(1, 2, 3, 4, 5).stream()
            .map(n -> p.next(serverError(), n, T0).delay().toMillis())
            .toList();

    // ceilings 1 s, 2 s, 4 s, 8 s, 10 s (capped); the fixed draw 0.5 halves each
    assertThat(delays).containsExactly(500L, 1000L, 2000L, 4000L, 5000L);
  }

  @Test
  void shouldDrawTheJitterFromTheInjectedRandom() {
    RetryPolicy zero = policy(0.0).build();
    RetryPolicy almostOne = policy(0.999).build();

    assertThat(zero.next(serverError(), 3, T0).delay()).isEqualTo(Duration.ZERO);
    assertThat(almostOne.next(serverError(), 3, T0).delay()).isEqualTo(Duration.ofMillis(3996));
  }

  @Test
  void shouldUseTheLongScheduleForAsleepVehicles() {
    RetryPolicy p = policy(0.5).build();
    Classification asleep =
        classifier.classify(
            ApiResponse.error(409, "VEHICLE_STATE", "ASLEEP"),
            CommandSafety.callKind(CommandType.LOCK));

    assertThat(p.next(asleep, 1, T0).delay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.next(asleep, 2, T0).delay()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.next(asleep, 3, T0).delay()).isEqualTo(Duration.ofMinutes(15));
    assertThat(p.next(asleep, 4, T0).delay()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void shouldWaitExactlyRetryAfter() {
    RetryPolicy p = policy(0.5).build();
    Classification limited =
        classifier.classify(
            ApiResponse.error(429, "RATE_LIMIT", "VEHICLE").withRetryAfter(Duration.ofSeconds(42)),
            CommandSafety.callKind(CommandType.LOCK));

    RetryDecision d = p.next(limited, 1, T0);

    assertThat(d.retry()).isTrue();
    assertThat(d.delay()).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void shouldGiveUpWhenRetryAfterExceedsItsCeiling() {
    RetryPolicy p = policy(0.5).build();
    Classification limited =
        classifier.classify(
            ApiResponse.error(429, "RATE_LIMIT", "VEHICLE").withRetryAfter(Duration.ofMinutes(3)),
            CommandSafety.callKind(CommandType.LOCK));

    RetryDecision d = p.next(limited, 1, T0);

    assertThat(d.retry()).isFalse();
    assertThat(d.giveUpReason()).contains("Retry-After");
  }

  @Test
  void shouldStopAtTheAttemptCap() {
    RetryPolicy p = policy(0.5).maxAttempts(3).build();

    assertThat(p.next(serverError(), 2, T0).retry()).isTrue();
    assertThat(p.next(serverError(), 3, T0).retry()).isFalse();
    assertThat(p.next(serverError(), 3, T0).giveUpReason()).contains("3 attempts");
  }

  @Test
  void shouldStopWhenTheNextAttemptWouldStartAfterTheTotalTimeBudget() {
    RetryPolicy p = policy(0.5).maxTotalTime(Duration.ofSeconds(60)).build();
    clock.advance(Duration.ofSeconds(59));

    RetryDecision d = p.next(serverError(), 2, T0); // would wait 1 s → 60 s: still inside
    clock.advance(Duration.ofMillis(1));
    RetryDecision late = p.next(serverError(), 2, T0);

    assertThat(d.retry()).isTrue();
    assertThat(late.retry()).isFalse();
  }

  @Test
  void shouldNeverRetryPermanentOrSuccessfulOutcomes() {
    RetryPolicy p = policy(0.5).build();
    Classification permission =
        classifier.classify(
            ApiResponse.error(403, "PERMISSION", null), CommandSafety.callKind(CommandType.LOCK));

    assertThat(p.next(permission, 1, T0).retry()).isFalse();
    assertThat(
            p.next(
                    classifier.classify(
                        ApiResponse.success(200, "e"), CommandSafety.callKind(CommandType.LOCK)),
                    1,
                    T0)
                .retry())
        .isFalse();
  }

  @Test
  void shouldRejectInvalidSettings() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().maxTotalTime(Duration.ZERO))
        .hasMessageContaining("maxTotalTime");
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(-1)))
        .hasMessageContaining("maxRetryAfter");
    assertThatThrownBy(
            () ->
                Backoffs.exponentialWithFullJitter(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)))
        .hasMessageContaining("cap");
    assertThatThrownBy(
            () ->
                Backoffs.exponentialWithFullJitter(
                    Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> Backoffs.schedule(List.of())).hasMessageContaining("at least one");
  }
}
