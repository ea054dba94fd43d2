package io.smartcarpipeline.dispatcher.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandType;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandGoalTest {

  private static final Instant CALL = Instant.parse("2026-01-01T00:00:00Z");

  private static CommandRequest request(CommandType type, Integer percent) {
    return CommandRequest.newBuilder()
        .setCommandId("c1")
        .setVehicleId("veh-1")
        .setUserId("user-1")
        .setType(type)
        .setParameters(new CommandParameters(percent, null, null))
        .setRequestedAt(CALL)
        .build();
  }

  private static StateReading one(String code, Map<String, Object> body, Instant at) {
    return StateReading.of(Map.of(code, new SignalReading(code, body, at)));
  }

  @Test
  void shouldJudgeLockAndUnlockFromClosureIsLocked() {
    StateReading locked = one("closure-islocked", Map.of("value", true), CALL.plusSeconds(1));

    assertThat(CommandGoal.judge(request(CommandType.LOCK, null), locked, CALL).kind())
        .isEqualTo(CommandGoal.Kind.REACHED);
    assertThat(CommandGoal.judge(request(CommandType.UNLOCK, null), locked, CALL).kind())
        .isEqualTo(CommandGoal.Kind.NOT_REACHED);
  }

  @Test
  void shouldNotTrustAReadingTheCarMadeBeforeTheCall() {
    StateReading stale = one("charge-ischarging", Map.of("value", false), CALL.minusSeconds(1));

    CommandGoal.Judgement j =
        CommandGoal.judge(request(CommandType.START_CHARGING, null), stale, CALL);

    assertThat(j.kind()).isEqualTo(CommandGoal.Kind.UNKNOWN);
    assertThat(j.evidence()).contains("has not reported charge-ischarging");
  }

  @Test
  void shouldJudgeTheChargeLimitFromTheSimulatorsSignalsAnswer() {
    JsonObject answer =
        new JsonObject(
            "{\"data\":[{\"id\":\"charge-chargelimits\",\"type\":\"signal\",\"attributes\":"
                + "{\"code\":\"charge-chargelimits\",\"body\":{\"values\":[{\"type\":\"GLOBAL\","
                + "\"limit\":80,\"condition\":null}],\"activeLimit\":null,\"unit\":\"percent\"}},"
                + "\"meta\":{\"oemUpdatedAt\":"
                + CALL.plusSeconds(2).toEpochMilli()
                + "}}]}");
    StateReading reading = SignalsStateReader.parse(answer);

    assertThat(CommandGoal.judge(request(CommandType.SET_CHARGE_LIMIT, 80), reading, CALL).kind())
        .isEqualTo(CommandGoal.Kind.REACHED);
    assertThat(CommandGoal.judge(request(CommandType.SET_CHARGE_LIMIT, 90), reading, CALL).kind())
        .isEqualTo(CommandGoal.Kind.NOT_REACHED);
  }

  @Test
  void shouldNotTellWhenTheReadFailedOrTheSignalIsMissing() {
    assertThat(
            CommandGoal.judge(
                    request(CommandType.LOCK, null), StateReading.unavailable("HTTP 502"), CALL)
                .kind())
        .isEqualTo(CommandGoal.Kind.UNKNOWN);
    assertThat(
            CommandGoal.judge(request(CommandType.LOCK, null), StateReading.of(Map.of()), CALL)
                .kind())
        .isEqualTo(CommandGoal.Kind.UNKNOWN);
  }
}
