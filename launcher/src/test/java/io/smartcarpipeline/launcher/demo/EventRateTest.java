package io.smartcarpipeline.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EventRateTest {

  private static final long START = 5_000_000_000L;

  private static long at(double seconds) {
    return START + (long) (seconds * 1e9);
  }

  @Test
  void overallRateIsEverythingAcceptedOverTheWholeRun() {
    // given a 60 s run whose last live line came 10 ms before the stop
    EventRate rate = new EventRate(START);
    rate.sinceLast(330, at(59.99));

    // when the final line is computed
    double overall = rate.overall(360, at(60));

    // then it is 360 events over 60 s, not the last 10 ms's 30 events scaled to 3000/s
    assertThat(overall).isCloseTo(6.0, within(1e-9));
  }

  @Test
  void overallRateDoesNotDependOnTheLinesPrintedBefore() {
    EventRate quiet = new EventRate(START);
    EventRate ticking = new EventRate(START);
    for (int s = 5; s < 60; s += 5) {
      ticking.sinceLast(s * 6L, at(s));
    }

    assertThat(ticking.overall(360, at(60.01))).isEqualTo(quiet.overall(360, at(60.01)));
  }

  @Test
  void liveRateCountsOnlyTheIntervalSinceThePreviousLine() {
    EventRate rate = new EventRate(START);
    rate.sinceLast(100, at(5));

    assertThat(rate.sinceLast(120, at(10))).isCloseTo(4.0, within(1e-9));
  }

  @Test
  void aReadingRightAfterAnotherIsFinite() {
    EventRate rate = new EventRate(START);
    rate.sinceLast(10, at(5));

    assertThat(rate.sinceLast(10, at(5))).isZero();
    assertThat(rate.overall(0, START)).isZero();
  }

  @Test
  void elapsedSecondsAreMeasuredFromTheStart() {
    assertThat(new EventRate(START).elapsedSeconds(at(61.5))).isCloseTo(61.5, within(1e-9));
  }
}
