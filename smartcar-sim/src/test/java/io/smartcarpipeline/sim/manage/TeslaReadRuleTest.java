package io.smartcarpipeline.sim.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TeslaReadRuleTest {

  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
  private final TeslaReadRule rule = new TeslaReadRule();

  @Test
  void shouldAllowTheFirstReadAndRefuseAnotherWithinEightHoursCountingIt() {
    assertThat(rule.check("veh-t", T0)).isZero();
    rule.recordRead("veh-t", T0);

    long wait = rule.check("veh-t", T0.plus(Duration.ofHours(1)));

    assertThat(wait).isEqualTo(Duration.ofHours(7).toSeconds());
    assertThat(rule.violations("veh-t")).isEqualTo(1);
    assertThat(rule.violations()).isEqualTo(1);
    assertThat(rule.violationsByVehicle()).containsEntry("veh-t", 1L);
  }

  @Test
  void shouldAllowAReadAgainExactlyEightHoursAfterTheLastAnsweredOne() {
    rule.recordRead("veh-t", T0);

    assertThat(rule.check("veh-t", T0.plus(Duration.ofHours(8)).minusMillis(1))).isEqualTo(1);
    assertThat(rule.check("veh-t", T0.plus(Duration.ofHours(8)))).isZero();
    assertThat(rule.violations("veh-t")).isEqualTo(1);
  }

  @Test
  void shouldKeepTheWindowPerVehicleAndNotExtendItByRefusedReads() {
    rule.recordRead("veh-a", T0);
    rule.check("veh-a", T0.plus(Duration.ofHours(7)));

    assertThat(rule.check("veh-b", T0.plusSeconds(1))).as("another vehicle").isZero();
    assertThat(rule.check("veh-a", T0.plus(Duration.ofHours(8)))).isZero();
    assertThat(rule.violations("veh-b")).isZero();
  }

  @Test
  void shouldForgetADisconnectedVehicle() {
    rule.recordRead("veh-a", T0);
    rule.forget("veh-a");

    assertThat(rule.check("veh-a", T0.plusSeconds(1))).isZero();
  }
}
