package io.smartcarpipeline.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignatureFailureLimitTest {

  private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");

  @Test
  void theFailureBeyondTheLimitIsOverAndOnlyForThatClient() {
    SignatureFailureLimit limit = new SignatureFailureLimit(2, clock);

    assertThat(limit.failedAndOverLimit("a")).isFalse();
    assertThat(limit.failedAndOverLimit("a")).isFalse();
    assertThat(limit.failedAndOverLimit("a")).isTrue();
    assertThat(limit.failedAndOverLimit("b")).isFalse();
  }

  @Test
  void aNewMinuteStartsAfresh() {
    SignatureFailureLimit limit = new SignatureFailureLimit(1, clock);
    limit.failedAndOverLimit("a");
    assertThat(limit.failedAndOverLimit("a")).isTrue();

    clock.advance(Duration.ofMinutes(1));

    assertThat(limit.failedAndOverLimit("a")).isFalse();
  }

  @Test
  void zeroMeansNoLimit() {
    SignatureFailureLimit limit = new SignatureFailureLimit(0, clock);
    for (int i = 0; i < 1000; i++) {
      assertThat(limit.failedAndOverLimit("a")).isFalse();
    }
  }

  @Test
  void manyAddressesCannotGrowItsMemoryWithoutBound() {
    SignatureFailureLimit limit = new SignatureFailureLimit(5, clock);
    for (int i = 0; i < SignatureFailureLimit.MAX_CLIENTS + 500; i++) {
      limit.failedAndOverLimit("client-" + i);
    }
    assertThat(limit.clients()).isEqualTo(SignatureFailureLimit.MAX_CLIENTS);
  }
}
