package io.smartcarpipeline.processors.domain.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.ChargeLimits;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.ValueKind;
import io.smartcarpipeline.processors.domain.SignalCodes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfirmationRulesTest {

  @ParameterizedTest(name = "{0} with {1} -> {2}")
  @CsvSource({
    "START_CHARGING, CHARGING, CONFIRMS",
    "START_CHARGING, NOT_CHARGING, CONTRADICTS",
    "START_CHARGING, FULLY_CHARGED, CONTRADICTS",
    "STOP_CHARGING, NOT_CHARGING, CONFIRMS",
    "STOP_CHARGING, FULLY_CHARGED, CONFIRMS",
    "STOP_CHARGING, CHARGING, CONTRADICTS",
    "STOP_CHARGING, SOMETHING_NEW, SILENT",
  })
  void detailedChargingStatusJudgesStartAndStop(CommandType type, String status, Verdict verdict) {
    Expectation e = ConfirmationRules.expectation(type, null).orElseThrow();

    assertThat(e.judge(SignalCodes.DETAILED_CHARGING_STATUS, text(status))).isEqualTo(verdict);
  }

  @Test
  void chargeLimitCountsOnlyTheActiveLimitAgainstTheRequestedPercent() {
    Expectation e = ConfirmationRules.expectation(CommandType.SET_CHARGE_LIMIT, 80).orElseThrow();

    assertThat(e.judge(SignalCodes.CHARGE_LIMITS, limits(80.0))).isEqualTo(Verdict.CONFIRMS);
    assertThat(e.judge(SignalCodes.CHARGE_LIMITS, limits(90.0))).isEqualTo(Verdict.CONTRADICTS);
    assertThat(e.judge(SignalCodes.CHARGE_LIMITS, limits(null))).isEqualTo(Verdict.SILENT);
    assertThat(ConfirmationRules.expectation(CommandType.SET_CHARGE_LIMIT, null)).isEmpty();
  }

  @Test
  void otherSignalsSayNothing() {
    Expectation lock = ConfirmationRules.expectation(CommandType.LOCK, null).orElseThrow();

    assertThat(lock.judge(SignalCodes.IS_CHARGING, bool(true))).isEqualTo(Verdict.SILENT);
    assertThat(lock.judge(SignalCodes.IS_LOCKED, bool(true))).isEqualTo(Verdict.CONFIRMS);
    assertThat(lock.judge(SignalCodes.IS_LOCKED, bool(false))).isEqualTo(Verdict.CONTRADICTS);
  }

  @Test
  void onlySucceededCommandsWithAnEffectInASignalAreConfirmed() {
    assertThat(ConfirmationRules.expectsConfirmation(CommandStatus.SUCCEEDED, CommandType.UNLOCK))
        .isTrue();
    assertThat(ConfirmationRules.expectsConfirmation(CommandStatus.FAILED, CommandType.UNLOCK))
        .isFalse();
    assertThat(
            ConfirmationRules.expectsConfirmation(
                CommandStatus.SUCCEEDED, CommandType.SET_DESTINATION))
        .isFalse();
  }

  private static SignalValue text(String v) {
    return SignalValue.newBuilder().setKind(ValueKind.TEXT).setTextValue(v).build();
  }

  private static SignalValue bool(boolean v) {
    return SignalValue.newBuilder().setKind(ValueKind.BOOLEAN).setBooleanValue(v).build();
  }

  private static SignalValue limits(Double active) {
    return SignalValue.newBuilder()
        .setKind(ValueKind.CHARGE_LIMITS)
        .setChargeLimits(new ChargeLimits(active, List.of()))
        .build();
  }
}
