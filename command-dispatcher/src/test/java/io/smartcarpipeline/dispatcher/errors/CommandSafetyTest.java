package io.smartcarpipeline.dispatcher.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.errors.SmartcarErrorClassifier;
import io.smartcarpipeline.smartcar.errors.Verdict;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the dispatcher tells the shared classifier about each command, checked through it. */
class CommandSafetyTest {

  private final SmartcarErrorClassifier classifier = new SmartcarErrorClassifier();

  @ParameterizedTest(name = "{0} after a 504 -> {1}, outcome unknown {2}")
  @CsvSource({
    "LOCK,PERMANENT,true",
    "UNLOCK,PERMANENT,true",
    "START_CHARGING,PERMANENT,true",
    "STOP_CHARGING,PERMANENT,true",
    "SET_CHARGE_LIMIT,PERMANENT,true",
    "SET_DESTINATION,RETRYABLE,false",
  })
  void shouldReadTheCarBeforeResendingAnythingButADestination(
      CommandType type, Verdict verdict, boolean unknown) {
    ApiResponse gatewayTimeout =
        new ApiResponse(504, null, null, null, null, null, null, null, null);

    Classification c = classifier.classify(gatewayTimeout, CommandSafety.callKind(type));

    assertThat(c.verdict()).isEqualTo(verdict);
    assertThat(c.outcomeUnknown()).isEqualTo(unknown);
    assertThat(CommandSafety.repeatWithoutReading(type)).isEqualTo(!unknown);
  }

  @ParameterizedTest(name = "{0} refused with {1} -> {2}")
  @CsvSource({
    "START_CHARGING,CHARGING_IN_PROGRESS,ALREADY_DONE",
    "SET_CHARGE_LIMIT,CHARGING_IN_PROGRESS,PERMANENT",
    "STOP_CHARGING,NOT_CHARGING,ALREADY_DONE",
    "START_CHARGING,NOT_CHARGING,PERMANENT",
    "LOCK,NOT_CHARGING,PERMANENT",
    "START_CHARGING,FULLY_CHARGED,ALREADY_DONE",
    "LOCK,FULLY_CHARGED,PERMANENT",
    "SET_CHARGE_LIMIT,FULLY_CHARGED,PERMANENT",
    "STOP_CHARGING,FULLY_CHARGED,PERMANENT",
  })
  void shouldTreatAVehicleAlreadyInTheWantedStateAsDone(
      CommandType type, String code, Verdict verdict) {
    Classification c =
        classifier.classify(
            ApiResponse.error(409, "VEHICLE_STATE", code), CommandSafety.callKind(type));

    assertThat(c.verdict()).isEqualTo(verdict);
  }
}
