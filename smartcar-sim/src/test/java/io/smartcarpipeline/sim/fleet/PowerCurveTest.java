package io.smartcarpipeline.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PowerCurveTest {

  @Test
  void shouldHoldAcPowerFlatThenTaperAbove90Percent() {
    assertThat(PowerCurve.kilowatts(50, 11, false)).isEqualTo(11);
    assertThat(PowerCurve.kilowatts(90, 11, false)).isEqualTo(11);
    assertThat(PowerCurve.kilowatts(95, 11, false)).isLessThan(11 * 0.7);
    assertThat(PowerCurve.kilowatts(100, 11, false))
        .isCloseTo(3.3, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void shouldTaperDcPowerFromHalfFull() {
    double peak = PowerCurve.kilowatts(30, 150, true);

    assertThat(peak).isEqualTo(150);
    assertThat(PowerCurve.kilowatts(65, 150, true)).isLessThan(peak);
    assertThat(PowerCurve.kilowatts(80, 150, true)).isLessThan(peak * 0.5);
    assertThat(PowerCurve.kilowatts(95, 150, true)).isLessThan(peak * 0.25);
  }

  @Test
  void shouldNeverRiseAsTheBatteryFills() {
    for (boolean dc : new boolean[] {false, true}) {
      double previous = Double.MAX_VALUE;
      for (double soc = 0; soc <= 100; soc += 0.5) {
        double kw = PowerCurve.kilowatts(soc, 100, dc);
        assertThat(kw).as("dc=%s soc=%s", dc, soc).isLessThanOrEqualTo(previous).isPositive();
        previous = kw;
      }
    }
  }
}
