package io.smartcarpipeline.fleetsync.gapfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TeslaReadRuleTest {

  private static final VehicleProfile MODEL_3_NO_KEY =
      new VehicleProfile("TESLA", "Model 3", 2024, false);

  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final TeslaReadRule rule = new TeslaReadRule(clock);

  @Test
  void streamingTeslaWithoutKeyIsReadAgainOnlyAfterEightHours() {
    // given one read sent
    rule.sent("tesla");

    // when 8 hours and the margin less a second have passed, it is still held
    clock.advance(Duration.ofHours(8).plus(TeslaReadRule.MARGIN).minusSeconds(1));
    assertThat(rule.notBefore("tesla", MODEL_3_NO_KEY))
        .contains(Instant.parse("2026-01-01T08:15:00Z"));

    // and at 8:15:00 it may go
    clock.advance(Duration.ofSeconds(1));
    assertThat(rule.notBefore("tesla", MODEL_3_NO_KEY)).isEmpty();
  }

  @Test
  void firstReadIsAllowed() {
    assertThat(rule.notBefore("tesla", MODEL_3_NO_KEY)).isEmpty();
  }

  @Test
  void ruleIsPerVehicle() {
    rule.sent("tesla-a");

    assertThat(rule.notBefore("tesla-a", MODEL_3_NO_KEY)).isPresent();
    assertThat(rule.notBefore("tesla-b", MODEL_3_NO_KEY)).isEmpty();
  }

  @Test
  void teslaWithVirtualKeyAndOtherMakesAreNotHeld() {
    rule.sent("keyed");
    rule.sent("ford");

    assertThat(rule.notBefore("keyed", new VehicleProfile("TESLA", "Model Y", 2023, true)))
        .isEmpty();
    assertThat(rule.notBefore("ford", new VehicleProfile("FORD", "Mustang Mach-E", 2023, false)))
        .isEmpty();
  }

  @Test
  void preTwentyTwentyOneModelSAndXCannotStreamSoAreNotHeld() {
    rule.sent("old-s");

    assertThat(rule.notBefore("old-s", new VehicleProfile("Tesla", "Model S", 2020, false)))
        .isEmpty();
    assertThat(rule.notBefore("old-s", new VehicleProfile("Tesla", "Model S", 2021, false)))
        .isPresent();
  }

  @Test
  void teslaOfUnknownModelCountsAsLimited() {
    assertThat(new VehicleProfile("TESLA", null, null, false).limitedToOneReadPer8Hours()).isTrue();
    assertThat(VehicleProfile.unknown().limitedToOneReadPer8Hours()).isFalse();
  }

  @Test
  void restoredReadFromAnEarlierRunHoldsTheVehicle() {
    rule.restore("tesla", clock.instant().minus(Duration.ofHours(1)));

    assertThat(rule.notBefore("tesla", MODEL_3_NO_KEY))
        .contains(Instant.parse("2026-01-01T07:15:00Z"));
  }
}
