package io.smartcarpipeline.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.ErrorState;
import io.smartcarpipeline.events.Location;
import io.smartcarpipeline.events.SignalSnapshot;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.ValueKind;
import io.smartcarpipeline.events.VehicleError;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.SignalCodes;
import io.smartcarpipeline.processors.domain.history.SocSeries;
import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryRoutesTest {

  private static final Instant T = Instant.parse("2025-11-18T08:00:00Z");
  private static final Instant NOW = Instant.parse("2025-11-18T12:00:00Z");
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeReadModel model = new FakeReadModel(T);
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    Router router = Router.router(vertx);
    HttpErrors.installDefaults(router);
    new QueryRoutes(vertx, model).mount(router);
    new FleetRoutes(vertx, model, Duration.ofMillis(200), Clock.fixed(NOW, ZoneOffset.UTC))
        .mount(router);
    server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswer404WithErrorShapeForUnknownVehicle() throws Exception {
    HttpResponse<String> r = get("/vehicles/unknown/charging-sessions");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code"))
        .isEqualTo("VEHICLE_NOT_FOUND");
  }

  @Test
  void shouldRejectBadLimitWith400() throws Exception {
    model.states.add(state("v1"));

    HttpResponse<String> r = get("/vehicles/v1/charging-sessions?limit=zero");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code"))
        .isEqualTo("INVALID_LIMIT");
  }

  @Test
  void shouldReturnStateAsJsonWithIsoTimes() throws Exception {
    model.states.add(state("v1"));

    JsonObject body = new JsonObject(get("/vehicles/v1/state").body());

    assertThat(body.getString("vehicleId")).isEqualTo("v1");
    assertThat(body.getString("updatedAt")).isEqualTo(T.toString());
    assertThat(body.getJsonObject("vehicle").getString("make")).isEqualTo("TESLA");
  }

  @Test
  void shouldPageVehicleIdsWithCursor() throws Exception {
    model.states.addAll(List.of(state("a"), state("b"), state("c")));

    JsonObject page = new JsonObject(get("/vehicles?limit=2").body());
    JsonObject rest =
        new JsonObject(get("/vehicles?limit=2&after=" + page.getString("next")).body());

    assertThat(page.getJsonArray("vehicles").getList()).containsExactly("a", "b");
    assertThat(rest.getJsonArray("vehicles").getList()).containsExactly("c");
    assertThat(rest.getString("next")).isNull();
  }

  @Test
  void shouldAnswer503WhenStoresAreNotReady() throws Exception {
    model.ready = false;

    assertThat(get("/vehicles/v1/state").statusCode()).isEqualTo(503);
  }

  @Test
  void shouldSummariseEveryVehicleWithSessionsCommandsAndTotals() throws Exception {
    model.states.add(charging("v1", 54.0));
    model.states.add(state("v2"));
    model.commands.add(command("c1", "v1", CommandStatus.SUCCEEDED, T));
    model.commands.add(command("c2", "v2", CommandStatus.FAILED, T.plusSeconds(60)));

    HttpResponse<String> r = get("/fleet");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getString("generatedAt")).isEqualTo(NOW.toString());
    JsonObject v1 = body.getJsonArray("vehicles").getJsonObject(0);
    assertThat(v1.getString("vehicleId")).isEqualTo("v1");
    assertThat(v1.getString("make")).isEqualTo("TESLA");
    assertThat(v1.getDouble("soc")).isEqualTo(54.0);
    assertThat(v1.getBoolean("charging")).isTrue();
    assertThat(v1.getBoolean("plugged")).isTrue();
    assertThat(v1.getValue("locked")).isNull();
    assertThat(v1.getJsonObject("location").getDouble("latitude")).isEqualTo(52.5);
    assertThat(v1.getJsonArray("openErrors").getJsonObject(0).getString("code"))
        .isEqualTo("CHARGE_FAULT");
    assertThat(v1.getJsonObject("lastCommand").getString("commandId")).isEqualTo("c1");
    JsonArray sessions = body.getJsonArray("sessions");
    assertThat(sessions.stream().map(x -> ((JsonObject) x).getString("sessionId")))
        .containsExactlyInAnyOrder("v1:1", "v2:1");
    assertThat(sessions.getJsonObject(0).getDouble("energyKwh")).isEqualTo(12.5);
    assertThat(body.getJsonArray("commands").getJsonObject(0).getString("commandId"))
        .isEqualTo("c2");
    JsonObject totals = body.getJsonObject("totals");
    assertThat(totals.getInteger("vehicles")).isEqualTo(2);
    assertThat(totals.getInteger("charging")).isEqualTo(1);
    assertThat(totals.getInteger("vehiclesWithErrors")).isEqualTo(1);
    assertThat(totals.getInteger("activeSessions")).isZero();
    assertThat(totals.getInteger("finishedSessions")).isEqualTo(2);
    assertThat(totals.getDouble("energyKwh")).isEqualTo(25.0);
    assertThat(totals.getJsonObject("commandsByStatus").getInteger("FAILED")).isEqualTo(1);
  }

  @Test
  void shouldListCommandsNewestFirstUpToLimit() throws Exception {
    model.commands.add(command("old", "v1", CommandStatus.SUCCEEDED, T));
    model.commands.add(command("new", "v1", CommandStatus.EXPIRED, T.plusSeconds(5)));

    JsonObject body = new JsonObject(get("/commands?limit=1").body());

    assertThat(body.getJsonArray("commands")).hasSize(1);
    assertThat(body.getJsonArray("commands").getJsonObject(0).getString("commandId"))
        .isEqualTo("new");
    assertThat(body.getJsonArray("commands").getJsonObject(0).getString("completedAt"))
        .isEqualTo(T.plusSeconds(5).toString());
  }

  @Test
  void shouldRejectBadFleetSessionCountWith400() throws Exception {
    HttpResponse<String> r = get("/fleet?sessions=-1");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code"))
        .isEqualTo("INVALID_SESSIONS");
  }

  @Test
  void shouldServeSocHistoryOldestFirstAnd404ForUnknownVehicle() throws Exception {
    model.states.add(state("v1"));
    model.history.add(new SocSeries.Point(T.toEpochMilli(), 40.0, true));
    model.history.add(new SocSeries.Point(T.plusSeconds(60).toEpochMilli(), 42.0, true));

    JsonObject body = new JsonObject(get("/vehicles/v1/history").body());

    assertThat(body.getJsonArray("points").getJsonObject(0).getString("at"))
        .isEqualTo(T.toString());
    assertThat(body.getJsonArray("points").getJsonObject(1).getDouble("soc")).isEqualTo(42.0);
    assertThat(get("/vehicles/nope/history").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldStreamFleetSnapshotsAsServerSentEvents() throws Exception {
    model.states.add(state("v1"));

    HttpResponse<java.io.InputStream> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.actualPort() + "/events"))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());

    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    try (java.io.BufferedReader lines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(r.body(), java.nio.charset.StandardCharsets.UTF_8))) {
      List<String> data = lines.lines().filter(l -> l.startsWith("data: ")).limit(2).toList();
      assertThat(data)
          .allSatisfy(
              d ->
                  assertThat(
                          new JsonObject(d.substring(6))
                              .getJsonArray("vehicles")
                              .getJsonObject(0)
                              .getString("vehicleId"))
                      .isEqualTo("v1"));
    }
  }

  @Test
  void shouldServeTheFleetPageAtRoot() throws Exception {
    HttpResponse<String> page = get("/");
    HttpResponse<String> script = get("/fleet.js");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body())
        .contains("id=\"vehicles\"", "fleet.js")
        .doesNotContain("http://", "https://");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("EventSource").doesNotContain("http://", "https://");
  }

  private static VehicleState charging(String id, double soc) {
    Map<String, SignalSnapshot> signals = new LinkedHashMap<>();
    signals.put(
        SignalCodes.STATE_OF_CHARGE,
        snapshot(
            SignalCodes.STATE_OF_CHARGE,
            v(ValueKind.NUMBER).setNumberValue(soc).setUnit("percent")));
    signals.put(
        SignalCodes.IS_CHARGING,
        snapshot(SignalCodes.IS_CHARGING, v(ValueKind.BOOLEAN).setBooleanValue(true)));
    signals.put(
        SignalCodes.CABLE_CONNECTED,
        snapshot(SignalCodes.CABLE_CONNECTED, v(ValueKind.BOOLEAN).setBooleanValue(true)));
    signals.put(
        SignalCodes.PRECISE_LOCATION,
        snapshot(
            SignalCodes.PRECISE_LOCATION,
            v(ValueKind.LOCATION).setLocation(new Location(52.5, 13.4, null, null, "CURRENT"))));
    return VehicleState.newBuilder(state(id))
        .setSignals(signals)
        .setOpenErrors(
            List.of(
                VehicleError.newBuilder()
                    .setType("CHARGING")
                    .setCode("CHARGE_FAULT")
                    .setState(ErrorState.ERROR)
                    .setReportedAt(T)
                    .build()))
        .build();
  }

  private static SignalValue.Builder v(ValueKind kind) {
    return SignalValue.newBuilder().setKind(kind);
  }

  private static SignalSnapshot snapshot(String code, SignalValue.Builder value) {
    return SignalSnapshot.newBuilder()
        .setCode(code)
        .setValue(value.build())
        .setOemUpdatedAt(T)
        .build();
  }

  private static CommandResult command(
      String id, String vehicleId, CommandStatus status, Instant completedAt) {
    return CommandResult.newBuilder()
        .setCommandId(id)
        .setVehicleId(vehicleId)
        .setType(CommandType.START_CHARGING)
        .setStatus(status)
        .setAttempts(1)
        .setRequestedAt(completedAt.minusSeconds(3))
        .setCompletedAt(completedAt)
        .build();
  }

  private static VehicleState state(String id) {
    return FakeReadModel.state(id, T);
  }
}
