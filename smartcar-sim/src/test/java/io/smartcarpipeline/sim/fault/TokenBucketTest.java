package io.smartcarpipeline.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");

  private static int drain(TokenBucket bucket) {
    int granted = 0;
    while (bucket.tryAcquire()) {
      granted++;
      if (granted > 10_000) {
        throw new AssertionError("bucket never ran out");
      }
    }
    return granted;
  }

  @Test
  void shouldGrantExactlyTheCapacityThenRefuse() {
    TokenBucket bucket = new TokenBucket(120, 2, clock);

    int granted = drain(bucket);

    assertThat(granted).isEqualTo(120);
    assertThat(bucket.tryAcquire()).isFalse();
  }

  @Test
  void shouldRefillTwoTokensPerMinute() {
    TokenBucket bucket = new TokenBucket(120, 2, clock);
    drain(bucket);

    clock.advance(Duration.ofSeconds(29));
    assertThat(bucket.tryAcquire()).as("less than one token after 29 s").isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(bucket.tryAcquire()).as("one token after 30 s").isTrue();
    clock.advance(Duration.ofMinutes(1));

    assertThat(drain(bucket)).isEqualTo(2);
  }

  @Test
  void shouldNeverRefillBeyondCapacity() {
    TokenBucket bucket = new TokenBucket(5, 2, clock);
    drain(bucket);

    clock.advance(Duration.ofHours(10));

    assertThat(bucket.available()).isEqualTo(5);
    assertThat(drain(bucket)).isEqualTo(5);
  }

  @Test
  void shouldSayHowLongUntilTheNextToken() {
    TokenBucket bucket = new TokenBucket(1, 2, clock);
    bucket.tryAcquire();

    assertThat(bucket.secondsUntilNextToken()).isEqualTo(30);
    clock.advance(Duration.ofSeconds(20));
    assertThat(bucket.secondsUntilNextToken()).isEqualTo(10);
    clock.advance(Duration.ofMillis(9_500));
    assertThat(bucket.secondsUntilNextToken()).as("rounded up").isEqualTo(1);
  }

  @Test
  void shouldNeverRefuseWhenCapacityIsZero() {
    TokenBucket bucket = new TokenBucket(0, 0, clock);

    for (int i = 0; i < 1_000; i++) {
      assertThat(bucket.tryAcquire()).isTrue();
    }
  }
}
