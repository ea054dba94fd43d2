package io.smartcarpipeline.smartcar.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetShareTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void shouldSplitTheAppBucketAsTheReadmeExampleDoes() {
    // the README's example: dispatcher 60 % on 2 replicas, fleet-sync 40 % on 1
    BudgetShare dispatcher = new BudgetShare(120, 2.0, 0.6, 2);
    BudgetShare fleetSync = new BudgetShare(120, 2.0, 0.4, 1);

    assertThat(dispatcher.capacity()).isEqualTo(36);
    assertThat(dispatcher.refillPerMinute()).isEqualTo(0.6);
    assertThat(fleetSync.capacity()).isEqualTo(48);
    assertThat(fleetSync.refillPerMinute()).isEqualTo(0.8);
    assertThat(2 * dispatcher.capacity() + fleetSync.capacity()).isLessThanOrEqualTo(120);
    assertThat(2 * dispatcher.refillPerMinute() + fleetSync.refillPerMinute())
        .isLessThanOrEqualTo(2.0);
  }

  @Test
  void shouldNeverHandOutMoreThanTheAppBucketWhenSharesDoNotDivideEvenly() {
    BudgetShare third = new BudgetShare(120, 2.0, 0.5, 3); // 20 each, 60 in all
    BudgetShare seventh = new BudgetShare(120, 2.0, 0.5, 7); // 8.57 -> 8 each, 56 in all

    assertThat(3 * third.capacity() + 7 * seventh.capacity()).isLessThanOrEqualTo(120);
    assertThat(seventh.capacity()).isEqualTo(8);
  }

  @Test
  void shouldGiveEachProcessABucketThatEmptiesAtItsShare() {
    TokenBucket bucket = new BudgetShare(120, 2.0, 0.25, 1).bucket(clock); // 30, +0.5 a minute

    int taken = 0;
    while (bucket.tryAcquire().isZero()) {
      taken++;
    }

    assertThat(taken).isEqualTo(30);
    assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void shouldRefuseAShareOutsideTheApp() {
    assertThatThrownBy(() -> new BudgetShare(120, 2.0, 1.5, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BudgetShare(120, 2.0, 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
