package io.smartcarpipeline.gateway.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalStatus;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.Trigger;
import io.smartcarpipeline.events.ValueKind;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class VehicleEventMapperTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

  static final List<String> FIXTURES = Fixtures.VEHICLE_EVENTS;

  @ParameterizedTest
  @FieldSource("FIXTURES")
  void everyFixtureBecomesTheCheckedEvent(String fixture) throws IOException {
    // given a real webhook body and its hand-checked expectation
    byte[] body = Fixtures.bytes(fixture);
    List<String> expected = EventRendering.expected(fixture);

    // when it is normalised
    VehicleEvent event = map(body);

    // then every fact (ids, vehicle, user, triggers, each signal's code, value, unit, times,
    // status, errors) is as expected
    assertThat(EventRendering.lines(event)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @FieldSource("FIXTURES")
  void noSignalOrErrorIsLostAndTheRawBodyIsKept(String fixture) throws IOException {
    // given
    byte[] body = Fixtures.bytes(fixture);
    JsonNode root = JSON.readTree(body);

    // when
    VehicleEvent event = map(body);

    // then
    List<String> codes = new ArrayList<>();
    root.path("data").path("signals").forEach(signal -> codes.add(signal.path("code").asText()));
    assertThat(event.getSignals()).extracting(Signal::getCode).containsExactlyElementsOf(codes);
    assertThat(event.getErrors()).hasSize(root.path("data").path("errors").size());
    assertThat(event.getRawBody()).isEqualTo(new String(body, StandardCharsets.UTF_8));
    assertThat(event.getReceivedAt()).isEqualTo(RECEIVED);
    assertThat(event.getSignature()).isEqualTo(SignatureCheck.CURRENT_KEY);
  }

  @Test
  void everyFixtureIsCoveredByATest() {
    assertThat(Fixtures.allJson())
        .containsExactlyInAnyOrderElementsOf(
            concat(Fixtures.VEHICLE_EVENTS, List.of(Fixtures.VERIFY)));
  }

  @Test
  void documentedShapeIsReadToo() throws IOException {
    // given the composite documented example of docs/smartcar-v3.md §2.7, abridged
    String body =
        """
        {"eventId":"e1","eventType":"VEHICLE_STATE","vehicleId":"v-top",
         "data":{"user":{"id":"u1"},"vehicle":{"id":"v1","make":"TESLA","model":"Model 3","year":"2020"},
          "triggers":[{"code":"charge-ischarging","name":"IsCharging","group":"Charge"},{"code":"FIRST_DELIVERY"}],
          "signals":[
           {"code":"charge-wattage","name":"Wattage","group":"Charge","status":{"value":"SUCCESS"},
            "body":{"value":7200,"unit":"watts"},"meta":{"oemUpdatedAt":1731940328000,"fetchedAt":1731940330000}},
           {"code":"charge-energyadded","body":{"value":12.4,"unit":"kilowatt_hours"},"meta":{"ingestedAt":"2024-11-18T14:32:10Z"}},
           {"code":"charge-amperage","body":{"value":16,"unit":"amps"}},
           {"code":"location-preciselocation","body":{"latitude":37.4292,"longitude":-122.1381,"heading":94,"direction":"E","locationType":"CURRENT"}},
           {"code":"charge-chargelimits","body":{"values":[{"type":"global","limit":80,"condition":{"name":"Home"}}],"activeLimit":null,"unit":"percent"}},
           {"code":"location-isathome","status":{"value":"ERROR","error":{"type":"COMPATIBILITY","code":"VEHICLE_NOT_CAPABLE"}}}]},
         "meta":{"version":"4.0","deliveryId":"d1","deliveredAt":"2025-07-31T19:38:42.332Z","webhookId":"w1","webhookName":"Charging Monitor","mode":"LIVE"}}
        """;

    // when
    VehicleEvent event = map(body.getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(event.getVehicleId()).as("data.vehicle.id wins over vehicleId").isEqualTo("v1");
    assertThat(event.getVehicle().getYear()).isEqualTo(2020);
    assertThat(event.getDeliveredAt()).isEqualTo(Instant.parse("2025-07-31T19:38:42.332Z"));
    assertThat(event.getPayloadVersion()).isEqualTo("4.0");
    assertThat(event.getTriggers())
        .extracting(t -> t.getType() + " " + EventRendering.ref(t.getSignal()))
        .containsExactly("SIGNAL_UPDATED charge-ischarging IsCharging Charge", "FIRST_DELIVERY -");
    List<Signal> s = event.getSignals();
    assertThat(s.get(0).getValue().getUnit()).isEqualTo(UnitTable.WATTS);
    assertThat(s.get(0).getRetrievedAt())
        .as("fetchedAt")
        .isEqualTo(Instant.ofEpochMilli(1731940330000L));
    assertThat(s.get(1).getValue().getUnit()).isEqualTo(UnitTable.KWH);
    assertThat(s.get(1).getValue().getSourceUnit()).isEqualTo("kilowatt_hours");
    assertThat(s.get(1).getRetrievedAt())
        .as("ingestedAt, ISO")
        .isEqualTo(Instant.parse("2024-11-18T14:32:10Z"));
    assertThat(s.get(1).getStatus()).as("body without status").isEqualTo(SignalStatus.SUCCESS);
    assertThat(s.get(2).getValue().getUnit()).isEqualTo(UnitTable.AMPERES);
    assertThat(EventRendering.value(s.get(3).getValue()))
        .startsWith("LOCATION 37.4292,-122.1381 heading=94.0 direction=E type=CURRENT");
    assertThat(EventRendering.value(s.get(4).getValue()))
        .startsWith("CHARGE_LIMITS active=- limits=[GLOBAL:80.0:{\"name\":\"Home\"}]");
    assertThat(s.get(5).getStatus()).isEqualTo(SignalStatus.ERROR);
    assertThat(s.get(5).getValue()).isNull();
    assertThat(s.get(5).getError().getCode()).isEqualTo("VEHICLE_NOT_CAPABLE");
    assertThat(event.getUnknownUnits()).isEmpty();
  }

  @Test
  void topLevelVehicleIdIsUsedWhenDataHasNone() throws IOException {
    VehicleEvent event =
        map(
            bytes(
                "{\"eventId\":\"e\",\"eventType\":\"VEHICLE_ERROR\",\"vehicleId\":\"v9\",\"data\":{}}"));

    assertThat(event.getVehicleId()).isEqualTo("v9");
    assertThat(event.getEventType()).isEqualTo(EventType.VEHICLE_ERROR);
    assertThat(event.getDeliveredAt()).isNull();
  }

  @Test
  void triggersUnderDataAsDottedStringsAreRead() throws IOException {
    VehicleEvent event =
        map(
            bytes(
                "{\"eventId\":\"e\",\"eventType\":\"VEHICLE_STATE\",\"data\":{\"vehicle\":{\"id\":\"v\"},"
                    + "\"triggers\":[{\"type\":\"SIGNAL_UPDATED\",\"signal\":\"Charge.IsCharging\"}]}}"));

    Trigger trigger = event.getTriggers().get(0);
    assertThat(trigger.getType()).isEqualTo("SIGNAL_UPDATED");
    assertThat(EventRendering.ref(trigger.getSignal()))
        .isEqualTo("charge-ischarging IsCharging Charge");
  }

  @Test
  void unknownUnitIsKeptAsGivenAndReported() throws IOException {
    VehicleEvent event =
        map(
            bytes(
                "{\"eventId\":\"e\",\"eventType\":\"VEHICLE_STATE\",\"data\":{\"vehicle\":{\"id\":\"v\"},"
                    + "\"signals\":[{\"code\":\"x-y\",\"body\":{\"value\":3,\"unit\":\"furlongs\"}},"
                    + "{\"code\":\"x-z\",\"body\":{\"value\":4,\"unit\":\"furlongs\"}}]}}"));

    assertThat(event.getSignals().get(0).getValue().getUnit()).isEqualTo("furlongs");
    assertThat(event.getSignals().get(0).getValue().getNumberValue()).isEqualTo(3.0);
    assertThat(event.getUnknownUnits()).containsExactly("furlongs");
  }

  @Test
  void oddlyShapedFieldsNeverFailTheMapping() throws IOException {
    VehicleEvent event =
        map(
            bytes(
                "{\"eventId\":\"e\",\"eventType\":\"vehicle_state\",\"data\":{\"vehicle\":{\"id\":\"v\",\"year\":\"n/a\"},"
                    + "\"user\":\"nobody\",\"signals\":[{\"name\":\"Odd\",\"group\":\"G\",\"body\":[1,2],"
                    + "\"meta\":{\"oemUpdatedAt\":\"yesterday\"}},{}],\"errors\":\"none\"},"
                    + "\"triggers\":{\"not\":\"an array\"},\"meta\":{\"deliveredAt\":{}}}"));

    assertThat(event.getSignals()).hasSize(2);
    assertThat(event.getSignals().get(0).getCode()).isEqualTo("g-odd");
    assertThat(event.getSignals().get(0).getValue().getKind()).isEqualTo(ValueKind.STRUCTURED);
    assertThat(event.getSignals().get(0).getOemUpdatedAt()).isNull();
    assertThat(event.getSignals().get(1).getStatus()).isEqualTo(SignalStatus.UNKNOWN);
    assertThat(event.getVehicle().getYear()).isNull();
    assertThat(event.getUserId()).isNull();
    assertThat(event.getErrors()).isEmpty();
    assertThat(event.getTriggers()).isEmpty();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "\"+999999999-12-31T23:59:59Z\"",
        "\"-999999999-01-01T00:00:00Z\"",
        "\"+10000-01-01T00:00:00Z\"",
        "9223372036854775807",
        "1e300"
      })
  void timesOutsideYears1To9999ReadAsAbsent(String time) throws IOException {
    VehicleEvent event =
        map(
            bytes(
                "{\"eventId\":\"e\",\"eventType\":\"VEHICLE_STATE\",\"data\":{\"vehicle\":{\"id\":\"v\"},"
                    + "\"signals\":[{\"name\":\"A\",\"group\":\"G\",\"body\":{\"value\":1},"
                    + "\"meta\":{\"oemUpdatedAt\":"
                    + time
                    + "}}]},\"meta\":{\"deliveredAt\":"
                    + time
                    + "}}"));

    assertThat(event.getDeliveredAt()).isNull();
    assertThat(event.getSignals().get(0).getOemUpdatedAt()).isNull();
    assertThat(event.getRawBody()).contains(time);
  }

  private static VehicleEvent map(byte[] body) throws IOException {
    JsonNode root = JSON.readTree(body);
    EventType type = VehicleEventMapper.eventType(root.path("eventType").asText()).orElseThrow();
    return VehicleEventMapper.map(
        root, type, new String(body, StandardCharsets.UTF_8), SignatureCheck.CURRENT_KEY, RECEIVED);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
