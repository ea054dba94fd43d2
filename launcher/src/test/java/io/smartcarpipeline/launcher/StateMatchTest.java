package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateMatchTest {

  private static final Map<String, Object> ODOMETER = Map.of("value", 12345.6, "unit", "miles");

  private static JsonObject state(JsonObject odometerValue, JsonArray openErrors) {
    return new JsonObject()
        .put(
            "signals",
            new JsonObject()
                .put("odometer-traveleddistance", new JsonObject().put("value", odometerValue)))
        .put("openErrors", openErrors);
  }

  private static JsonObject value(double number, String unit, String sourceUnit, String bodyJson) {
    return new JsonObject()
        .put("kind", "NUMBER")
        .put("numberValue", number)
        .put("unit", unit)
        .put("sourceUnit", sourceUnit)
        .put("bodyJson", bodyJson);
  }

  @Test
  void shouldAcceptAStateThatKeepsTheValueAndUnitAsSent() {
    // given
    JsonObject state =
        state(
            value(12345.6, "miles", "miles", "{\"value\":12345.6,\"unit\":\"miles\"}"),
            new JsonArray());
    // when
    List<String> differences =
        StateMatch.vehicle(
            "veh-0003", Map.of("odometer-traveleddistance", ODOMETER), Set.of(), state);
    // then
    assertThat(differences).isEmpty();
  }

  @Test
  void shouldReportMilesConvertedToKilometres() {
    // given
    JsonObject state =
        state(value(19868.9, "km", "km", "{\"value\":19868.9,\"unit\":\"km\"}"), new JsonArray());
    // when
    List<String> differences =
        StateMatch.vehicle(
            "veh-0003", Map.of("odometer-traveleddistance", ODOMETER), Set.of(), state);
    // then
    assertThat(differences)
        .anyMatch(d -> d.contains("numberValue"))
        .anyMatch(d -> d.contains("sourceUnit"))
        .anyMatch(d -> d.contains(".body.value"));
  }

  @Test
  void shouldReportAnOlderValueAMissingSignalAndAnUnlistedOpenError() {
    // given: the state kept an older reading, lacks the plug and the virtual-key error
    JsonObject state =
        state(
            value(12000.0, "miles", "miles", "{\"value\":12000.0,\"unit\":\"miles\"}"),
            new JsonArray());
    Map<String, Object> sent =
        Map.of(
            "odometer-traveleddistance",
            ODOMETER,
            "charge-ischargingcableconnected",
            Map.of("value", true));
    // when
    List<String> differences =
        StateMatch.vehicle(
            "veh-0004", sent, Set.of("CONNECTED_SERVICES_ACCOUNT:VIRTUAL_KEY_REQUIRED"), state);
    // then
    assertThat(differences)
        .anyMatch(d -> d.contains("odometer-traveleddistance: numberValue 12000.0"))
        .anyMatch(d -> d.contains("charge-ischargingcableconnected: state has no value"))
        .anyMatch(d -> d.contains("open errors"));
  }
}
