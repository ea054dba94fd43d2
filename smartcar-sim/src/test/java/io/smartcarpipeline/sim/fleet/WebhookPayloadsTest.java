package io.smartcarpipeline.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.sim.fleet.WebhookPayloads.DeliveryMeta;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fleet's bodies, serialised and parsed back, against the shapes of real captured bodies. */
class WebhookPayloadsTest {

  private static final DeliveryMeta META =
      new DeliveryMeta("d-1", 1_772_431_200_000L, "wh-1", "smartcar-sim fleet", "LIVE");
  private static final Set<String> UNITS =
      Set.of("percent", "kWh", "km", "miles", "watts", "volts", "ampere", "minutes");
  private static OfflineFleet fleet;
  private static JsonObject byd;
  private static JsonObject vwError;

  @BeforeAll
  static void load() throws IOException {
    fleet = new OfflineFleet(8, 42);
    fleet.run(Duration.ofHours(12));
    byd = fixture("byd_seal_all.json");
    vwError = fixture("vw_id_4_error.json");
  }

  private static JsonObject fixture(String name) throws IOException {
    try (InputStream in =
        WebhookPayloadsTest.class.getResourceAsStream("/smartcar-webhooks/" + name)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** As the gateway receives it: with meta, encoded, parsed. */
  private static JsonObject onTheWire(WebhookEvent e) {
    byte[] bytes = WebhookPayloads.withMeta(e.body(), META).toBuffer().getBytes();
    return new JsonObject(new String(bytes, StandardCharsets.UTF_8));
  }

  private static Stream<JsonObject> objects(JsonArray array) {
    return array.stream().map(JsonObject.class::cast);
  }

  @Test
  void shouldShapeVehicleStateLikeTheRealFixture() {
    WebhookEvent first =
        fleet.events.stream()
            .filter(e -> e.vehicleId().equals("veh-0002"))
            .findFirst()
            .orElseThrow();
    JsonObject sent = onTheWire(first);
    JsonObject fixtureSuccess =
        objects(byd.getJsonObject("data").getJsonArray("signals"))
            .filter(s -> s.containsKey("body"))
            .findFirst()
            .orElseThrow();
    JsonObject fixtureError =
        objects(byd.getJsonObject("data").getJsonArray("signals"))
            .filter(s -> !s.containsKey("body"))
            .findFirst()
            .orElseThrow();

    assertThat(sent.fieldNames())
        .isEqualTo(Set.of("eventId", "eventType", "triggers", "data", "meta"));
    assertThat(sent.containsKey("vehicleId")).isFalse();
    assertThat(sent.getJsonObject("meta").fieldNames())
        .isEqualTo(byd.getJsonObject("meta").fieldNames());
    assertThat(sent.getJsonObject("meta").getString("version")).isEqualTo("4.0");
    assertThat(sent.getJsonObject("data").fieldNames())
        .isEqualTo(byd.getJsonObject("data").fieldNames());
    assertThat(sent.getJsonObject("data").getJsonObject("vehicle").fieldNames())
        .isEqualTo(byd.getJsonObject("data").getJsonObject("vehicle").fieldNames());
    JsonArray signals = sent.getJsonObject("data").getJsonArray("signals");
    assertThat(sent.getJsonObject("meta").getInteger("signalCount")).isEqualTo(signals.size());
    List<JsonObject> ok = objects(signals).filter(s -> s.containsKey("body")).toList();
    List<JsonObject> failed = objects(signals).filter(s -> !s.containsKey("body")).toList();
    assertThat(ok).isNotEmpty().allMatch(s -> s.fieldNames().equals(fixtureSuccess.fieldNames()));
    assertThat(ok)
        .allMatch(
            s ->
                s.getJsonObject("meta").fieldNames().equals(Set.of("oemUpdatedAt", "retrievedAt")));
    assertThat(ok).allMatch(s -> s.getJsonObject("status").getString("value").equals("SUCCESS"));
    assertThat(ok)
        .filteredOn(s -> s.getJsonObject("body").containsKey("unit"))
        .allMatch(s -> UNITS.contains(s.getJsonObject("body").getString("unit")));
    assertThat(failed).isNotEmpty().allMatch(s -> s.fieldNames().equals(fixtureError.fieldNames()));
    assertThat(failed)
        .allMatch(
            s ->
                s.getJsonObject("status")
                    .getJsonObject("error")
                    .fieldNames()
                    .equals(Set.of("type", "code")));
  }

  @Test
  void shouldWriteTriggersAtTheTopLevelInTheCapturedShape() {
    JsonObject fixtureTrigger = byd.getJsonArray("triggers").getJsonObject(0);
    List<JsonObject> triggers =
        fleet.events.stream()
            .filter(e -> e.isVehicleState() && e.vehicleId().equals("veh-0001"))
            .skip(1)
            .flatMap(e -> objects(onTheWire(e).getJsonArray("triggers")))
            .toList();

    assertThat(triggers)
        .isNotEmpty()
        .allMatch(t -> t.fieldNames().equals(fixtureTrigger.fieldNames()));
    assertThat(triggers).allMatch(t -> t.getString("type").equals("SIGNAL_UPDATED"));
    assertThat(triggers)
        .allMatch(
            t ->
                t.getJsonObject("signal")
                    .fieldNames()
                    .equals(fixtureTrigger.getJsonObject("signal").fieldNames()));
  }

  @Test
  void shouldWriteDottedTriggersForTheVolkswagen() {
    List<Object> signals =
        fleet.events.stream()
            .filter(e -> e.isVehicleState() && e.vehicleId().equals("veh-0005"))
            .skip(1)
            .flatMap(e -> objects(onTheWire(e).getJsonArray("triggers")))
            .map(t -> t.getValue("signal"))
            .toList();

    assertThat(signals)
        .isNotEmpty()
        .allMatch(s -> s instanceof String str && str.matches("[A-Za-z]+\\.[A-Za-z]+"));
  }

  @Test
  void shouldShapeVehicleErrorsLikeTheRealFixture() {
    WebhookEvent asleep =
        fleet.events.stream()
            .filter(e -> e.errors().contains("VEHICLE_STATE:ASLEEP:ERROR"))
            .findFirst()
            .orElseThrow();
    JsonObject sent = onTheWire(asleep);
    JsonObject error = sent.getJsonObject("data").getJsonArray("errors").getJsonObject(0);
    JsonObject fixtureError = vwError.getJsonObject("data").getJsonArray("errors").getJsonObject(0);

    assertThat(sent.getString("eventType")).isEqualTo("VEHICLE_ERROR");
    assertThat(sent.getJsonObject("data").fieldNames())
        .isEqualTo(vwError.getJsonObject("data").fieldNames());
    assertThat(error.fieldNames()).isEqualTo(fixtureError.fieldNames());
    assertThat(error.getString("state")).isEqualTo("ERROR");
    assertThat(error.getJsonArray("signals").getValue(0)).isEqualTo("Location.PreciseLocation");
    assertThat(sent.getJsonObject("meta").containsKey("signalCount")).isFalse();
  }

  @Test
  void shouldShapeVerifyAsDocumented() {
    JsonObject verify = WebhookPayloads.withMeta(WebhookPayloads.verify("e-1", "abc"), META);

    assertThat(verify.getString("eventType")).isEqualTo("VERIFY");
    assertThat(verify.getJsonObject("data").getString("challenge")).isEqualTo("abc");
    assertThat(verify.getJsonObject("meta").getString("webhookId")).isEqualTo("wh-1");
    assertThat(verify.getJsonObject("meta").containsKey("signalCount")).isFalse();
  }
}
