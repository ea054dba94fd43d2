package io.smartcarpipeline.processors.domain.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocSeriesTest {

  private static final long MIN = 60_000L;
  private final SocSeries series = new SocSeries();

  @Test
  void shouldIgnoreOlderOrRepeatedReadings() {
    series.offer(new SocSeries.Point(10 * MIN, 40, true), 10);

    boolean older = series.offer(new SocSeries.Point(5 * MIN, 30, true), 10);
    boolean same = series.offer(new SocSeries.Point(10 * MIN, 41, true), 10);

    assertThat(older).isFalse();
    assertThat(same).isFalse();
    assertThat(series.points).extracting(p -> p.soc).containsExactly(40.0);
  }

  @Test
  void shouldSkipUnchangedReadingUntilHeartbeatIsDue() {
    series.offer(new SocSeries.Point(0, 50, false), 10);

    boolean soon = series.offer(new SocSeries.Point(MIN, 50, false), 10);
    boolean flagFlip = series.offer(new SocSeries.Point(2 * MIN, 50, true), 10);
    boolean heartbeat =
        series.offer(new SocSeries.Point(2 * MIN + SocSeries.HEARTBEAT_MS, 50, true), 10);

    assertThat(soon).isFalse();
    assertThat(flagFlip).isTrue();
    assertThat(heartbeat).isTrue();
  }

  @Test
  void shouldDropOldestPointWhenFull() {
    for (int i = 1; i <= 5; i++) {
      series.offer(new SocSeries.Point(i * MIN, i, null), 3);
    }

    assertThat(series.points).extracting(p -> p.soc).containsExactly(3.0, 4.0, 5.0);
  }
}
