package io.smartcarpipeline.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SimHttp;
import io.smartcarpipeline.sim.SimHttp.Reply;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet delivers only for subscribed vehicles: with auto-enroll off nothing is delivered until
 * a vehicle is subscribed through the management API, a removed vehicle's deliveries stop; with it
 * on every fleet vehicle is subscribed. Also the truth view and API reads of fleet vehicles, and
 * Tesla's rule in the fleet's simulated time. A real receiver, a real HTTP client.
 */
class SubscribedDeliveryIT {

  private static final String TOKEN = "amt-test-token";
  private static final double TIME_FACTOR = 600;
  private static final WebhookSigner SIGNER = new WebhookSigner(TOKEN);

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, AtomicLong> deliveredByVehicle = new ConcurrentHashMap<>();
  private SmartcarApiSim sim;
  private RunningFleet fleet;

  @AfterEach
  void stop() throws Exception {
    if (fleet != null) {
      fleet.close();
    }
    if (sim != null) {
      sim.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void handle(HttpServerRequest request, JsonObject json) {
    if ("VERIFY".equals(json.getString("eventType"))) {
      String challenge = json.getJsonObject("data").getString("challenge");
      request
          .response()
          .putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("challenge", SIGNER.hashChallenge(challenge)).encode());
      return;
    }
    String vehicleId = json.getJsonObject("data").getJsonObject("vehicle").getString("id");
    deliveredByVehicle.computeIfAbsent(vehicleId, v -> new AtomicLong()).incrementAndGet();
    request.response().setStatusCode(200).end();
  }

  private void start(boolean autoEnroll) throws Exception {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(req -> req.body().onSuccess(b -> handle(req, b.toJsonObject())))
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    sim =
        SmartcarApiSim.start(
            SimConfig.builder()
                .port(0)
                .bucket(0, 0)
                .webhook(SimConfig.DEFAULT_WEBHOOK_ID, autoEnroll)
                .build());
    fleet =
        sim.startFleet(
            FleetConfig.builder()
                .gatewayUrl("http://localhost:" + server.actualPort() + "/webhooks/smartcar")
                .managementToken(TOKEN)
                .vehicles(4)
                .seed(42)
                .timeFactor(TIME_FACTOR)
                .duplicateShare(0)
                .startTime(Instant.parse("2026-03-02T06:00:00Z"))
                .build());
  }

  private long delivered(String vehicleId) {
    AtomicLong n = deliveredByVehicle.get(vehicleId);
    return n == null ? 0 : n.get();
  }

  private void quiesce() {
    fleet.pause(true);
    await().atMost(Duration.ofSeconds(15)).until(() -> fleet.stats().pending() == 0);
  }

  @Test
  void shouldDeliverOnlyForVehiclesSubscribedThroughTheManagementApiUntilRemoved()
      throws Exception {
    start(false);
    SimHttp http = new SimHttp(sim.baseUrl());
    String token = http.token("client_sim", "sim-secret");
    await().atMost(Duration.ofSeconds(20)).until(() -> fleet.stats().events() >= 8);
    assertThat(deliveredByVehicle).as("nothing is subscribed").isEmpty();
    assertThat(fleet.unsubscribedEvents()).isPositive();

    String body =
        new JsonObject()
            .put(
                "data",
                new JsonObject()
                    .put(
                        "attributes",
                        new JsonObject()
                            .put("webhookId", SimConfig.DEFAULT_WEBHOOK_ID)
                            .put("userId", "user-0002")
                            .put("vehicleId", "veh-0002")))
            .encode();
    Reply subscribed =
        http.send(
            SimHttp.withAuth(
                http.request("/management/v3/subscriptions")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)),
                token,
                null));
    assertThat(subscribed.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> delivered("veh-0002") >= 3);
    assertThat(deliveredByVehicle.keySet()).containsOnly("veh-0002");

    quiesce();
    JsonObject truth = new JsonObject(http.get("/_sim/vehicles/veh-0002/truth").body());
    long readFrom = fleet.reportedNow().toEpochMilli();
    JsonObject read = http.signals(token, "user-0002", "veh-0002").json();
    long readUntil = fleet.reportedNow().toEpochMilli();
    assertThat(truth.getString("source")).isEqualTo("fleet");
    JsonObject truthSignals = truth.getJsonObject("signals");
    assertThat(truthSignals.getJsonObject("tractionbattery-stateofcharge")).isNotNull();
    JsonArray data = read.getJsonArray("data");
    int successful = 0;
    for (int i = 0; i < data.size(); i++) {
      JsonObject signal = data.getJsonObject(i);
      JsonObject attributes = signal.getJsonObject("attributes");
      if (!"SUCCESS".equals(attributes.getJsonObject("status").getString("value"))) {
        continue;
      }
      successful++;
      JsonObject expected = truthSignals.getJsonObject(signal.getString("id"));
      assertThat(attributes.getValue("body"))
          .as(signal.getString("id"))
          .isEqualTo(expected.getValue("body"));
      assertThat(signal.getJsonObject("meta").getLong("oemUpdatedAt"))
          .isEqualTo(expected.getLong("oemUpdatedAt"));
      assertThat(signal.getJsonObject("meta").getLong("retrievedAt"))
          .as("retrievedAt: the read, on the clock the fleet stamps its webhooks with")
          .isBetween(readFrom, readUntil);
    }
    assertThat(successful)
        .as("an API read gives every signal of the truth")
        .isEqualTo(truthSignals.size());

    assertThat(http.delete("/_sim/vehicles/veh-0002").status()).isEqualTo(204);
    long before = delivered("veh-0002");
    long events = fleet.stats().events();
    fleet.pause(false);
    await().atMost(Duration.ofSeconds(30)).until(() -> fleet.stats().events() >= events + 8);
    quiesce();
    assertThat(delivered("veh-0002")).as("a removed vehicle's webhooks stop").isEqualTo(before);
    assertThat(deliveredByVehicle.keySet()).containsOnly("veh-0002");
  }

  @Test
  void shouldSubscribeTheWholeFleetWithAutoEnrollAndLimitTheKeylessTeslaInSimulatedTime()
      throws Exception {
    start(true);
    SimHttp http = new SimHttp(sim.baseUrl());
    String token = http.token("client_sim", "sim-secret");
    await().atMost(Duration.ofSeconds(30)).until(() -> deliveredByVehicle.keySet().size() == 4);
    assertThat(sim.subscriptions().list(SimConfig.DEFAULT_WEBHOOK_ID)).hasSize(4);
    assertThat(new JsonArray(http.get("/_sim/subscriptions").body())).hasSize(4);

    quiesce();
    // veh-0004 is the Tesla Model Y without the virtual key: streaming-capable
    Reply first = http.signals(token, "user-0004", "veh-0004");
    Reply second = http.signals(token, "user-0004", "veh-0004");
    Reply keyed1 = http.signals(token, "user-0001", "veh-0001");
    Reply keyed2 = http.signals(token, "user-0001", "veh-0001");

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(429);
    assertThat(second.json().getString("code")).isEqualTo("VEHICLE");
    // 8 simulated hours at 600 simulated seconds per real second: 48 s to wait
    assertThat(second.retryAfter()).contains("48");
    assertThat(keyed1.status()).isEqualTo(200);
    assertThat(keyed2.status()).isEqualTo(200);
    JsonObject stats = new JsonObject(http.get("/_sim/stats").body());
    assertThat(stats.getLong("teslaReadViolations")).isEqualTo(1);
    assertThat(stats.getJsonObject("fleet").getLong("unsubscribedEvents")).isZero();
  }
}
