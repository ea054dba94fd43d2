package io.smartcarpipeline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final LogThrottle throttle = new LogThrottle(Duration.ofSeconds(10), () -> now);

  @Test
  void firstOccurrenceIsLoggedAndTheRestAreCountedUntilTheIntervalHasPassed() {
    List<OptionalLong> decisions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      decisions.add(throttle.tryAcquire());
      now = now.plusSeconds(1);
    }

    assertThat(decisions.get(0)).hasValue(0);
    assertThat(decisions.subList(1, 5)).allMatch(OptionalLong::isEmpty);
  }

  @Test
  void afterTheIntervalTheNextOccurrenceIsLoggedWithTheCountSuppressed() {
    throttle.tryAcquire();
    for (int i = 0; i < 4887; i++) {
      throttle.tryAcquire();
    }
    now = now.plusSeconds(10);

    assertThat(throttle.tryAcquire()).hasValue(4887);
    assertThat(throttle.tryAcquire()).isEmpty();
  }

  @Test
  void drainReportsWhatWasSuppressedOnceAndThenNothing() {
    throttle.tryAcquire();
    throttle.tryAcquire();
    throttle.tryAcquire();

    assertThat(throttle.drain()).hasValue(2);
    assertThat(throttle.drain()).isEmpty();
    assertThat(throttle.tryAcquire()).hasValue(0);
  }
}
