package io.smartcarpipeline.smartcar.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartcarpipeline.smartcar.errors.CallKind;
import io.smartcarpipeline.smartcar.errors.SmartcarErrorClassifier;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import io.smartcarpipeline.smartcar.http.TransportFailure;
import org.junit.jupiter.api.Test;

class SmartcarApiErrorsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SmartcarApiErrors errors = new SmartcarApiErrors(registry);
  private final SmartcarErrorClassifier classifier = new SmartcarErrorClassifier(errors);

  private double count(String type, String code) {
    Counter c = registry.find(SmartcarApiErrors.NAME).tag("type", type).tag("code", code).counter();
    assertThat(c).as(type + ":" + code + " registered").isNotNull();
    return c.count();
  }

  @Test
  void theClassifierCountsEachErrorAnswerByTypeAndCode() {
    CallKind read = CallKind.read("signals");
    classifier.classify(
        ApiResponse.error(400, "CONNECTED_SERVICES_ACCOUNT", "VIRTUAL_KEY_REQUIRED"), read);
    classifier.classify(ApiResponse.error(409, "vehicle_state", "asleep"), read);
    classifier.classify(ApiResponse.error(409, "VEHICLE_STATE", "ASLEEP"), read);
    classifier.classify(ApiResponse.error(401, "AUTHENTICATION", null), read);

    assertThat(count("CONNECTED_SERVICES_ACCOUNT", "VIRTUAL_KEY_REQUIRED")).isEqualTo(1.0);
    assertThat(count("VEHICLE_STATE", "ASLEEP")).isEqualTo(2.0);
    assertThat(count("AUTHENTICATION", "NONE")).isEqualTo(1.0);
  }

  @Test
  void successesAndPendingCommandsAreNotErrors() {
    errors.accept(ApiResponse.success(200, "exec_1"));
    errors.accept(new ApiResponse(202, "PENDING", "exec_2", null, null, null, null, null, null));
    errors.accept(new ApiResponse(200, null, null, null, null, null, null, null, null));

    assertThat(registry.find(SmartcarApiErrors.NAME).counters())
        .allSatisfy(c -> assertThat(c.count()).as(c.getId().toString()).isZero());
  }

  @Test
  void unknownTypesAndCodesFallIntoOtherSoTheSeriesStayBounded() {
    int registered = registry.find(SmartcarApiErrors.NAME).counters().size();
    for (int i = 0; i < 50; i++) {
      errors.accept(ApiResponse.error(409, "VEHICLE_STATE", "NEW_CODE_" + i));
      errors.accept(ApiResponse.error(418, "TEAPOT_" + i, "X"));
      errors.accept(ApiResponse.error(499, null, null));
    }

    assertThat(count("VEHICLE_STATE", "OTHER")).isEqualTo(50.0);
    assertThat(count("OTHER", "OTHER")).isEqualTo(50.0);
    assertThat(count("HTTP", "OTHER")).isEqualTo(50.0);
    assertThat(registry.find(SmartcarApiErrors.NAME).counters()).hasSize(registered);
    assertThat(registered).as("a bounded label set").isBetween(50, 120);
  }

  @Test
  void errorsWithoutATypeAndTransportFailuresHaveTheirOwnLabels() {
    errors.accept(ApiResponse.error(503, null, null));
    errors.accept(new ApiResponse(200, "FAILURE", "exec_3", null, null, null, null, null, null));
    errors.accept(new TransportFailure(TransportFailure.Kind.TIMEOUT, "read timed out"));

    assertThat(count("HTTP", "503")).isEqualTo(1.0);
    assertThat(count("COMMAND", "FAILURE")).isEqualTo(1.0);
    assertThat(count("TRANSPORT", "TIMEOUT")).isEqualTo(1.0);
  }

  @Test
  void everyPairIsThereAtZeroBeforeTheFirstError() {
    assertThat(count("RATE_LIMIT", "SMARTCAR_API")).isZero();
    assertThat(count("UPSTREAM", "RATE_LIMIT")).isZero();
  }
}
