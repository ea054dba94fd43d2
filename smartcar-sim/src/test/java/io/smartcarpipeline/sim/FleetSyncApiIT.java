package io.smartcarpipeline.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.sim.SimHttp.Reply;
import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.sim.manage.Subscription;
import io.smartcarpipeline.support.testing.MutableClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoints fleet-sync uses, over real HTTP against a running simulator: connections with
 * paging and filters, vehicle info, both subscription path styles, {@code /_sim/vehicles} add and
 * remove, Tesla's 8-hour read rule, compatibility, and fault injection and the app bucket on the
 * new endpoints.
 */
class FleetSyncApiIT {

  private static final String WEBHOOK = SimConfig.DEFAULT_WEBHOOK_ID;

  private final MutableClock clock = MutableClock.at("2026-03-02T06:00:00Z");
  private SmartcarApiSim sim;
  private SimHttp http;
  private String token;

  private void start(boolean autoEnroll) {
    sim =
        SmartcarApiSim.start(
            SimConfig.builder()
                .port(0)
                .tokenTtl(Duration.ofDays(2))
                .bucket(0, 0)
                .clock(clock)
                .webhook(WEBHOOK, autoEnroll)
                .build());
    http = new SimHttp(sim.baseUrl());
    token = http.token("client_sim", "sim-secret");
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  private Reply get(String url, String userId) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : sim.baseUrl() + url))
            .timeout(Duration.ofSeconds(20))
            .GET();
    return http.send(SimHttp.withAuth(b, token, userId));
  }

  private Reply send(String method, String path, String json) {
    HttpRequest.Builder b =
        http.request(path)
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    return http.send(SimHttp.withAuth(b, token, null));
  }

  private static String subscribeBody(String webhookId, String userId, String vehicleId) {
    JsonObject attributes = new JsonObject().put("userId", userId).put("vehicleId", vehicleId);
    if (webhookId != null) {
      attributes.put("webhookId", webhookId);
    }
    return new JsonObject().put("data", new JsonObject().put("attributes", attributes)).encode();
  }

  private void addVehicles(int n) {
    JsonArray specs = new JsonArray();
    for (int i = 1; i <= n; i++) {
      specs.add(
          new JsonObject()
              .put("id", String.format("veh-%03d", i))
              .put("userId", "user-" + (i % 3))
              .put("make", "TESLA")
              .put("model", "Model 3")
              .put("year", 2023));
    }
    assertThat(http.postJson("/_sim/vehicles", specs.encode()).status()).isEqualTo(201);
  }

  @Test
  void shouldPageTwentyFiveConnectionsInThreePagesFollowingNextLinks() {
    start(true);
    addVehicles(25);

    List<String> ids = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String next = sim.v3Origin() + "/connections?page%5Bsize%5D=10";
    JsonObject last = null;
    while (next != null) {
      Reply page = get(next, null);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      last = page.json();
      JsonArray data = last.getJsonArray("data");
      pageSizes.add(data.size());
      for (int i = 0; i < data.size(); i++) {
        JsonObject c = data.getJsonObject(i);
        assertThat(c.getString("type")).isEqualTo("connection");
        assertThat(c.getJsonObject("attributes").getString("vehicleId"))
            .isEqualTo(c.getString("id"));
        ids.add(c.getString("id"));
      }
      next = last.getJsonObject("links").getString("next");
      assertThat(pageSizes).hasSizeLessThanOrEqualTo(3);
    }

    assertThat(pageSizes).containsExactly(10, 10, 5);
    assertThat(ids).doesNotHaveDuplicates().hasSize(25).first().isEqualTo("veh-001");
    assertThat(last.getJsonObject("meta").getMap())
        .containsEntry("pageNumber", 3)
        .containsEntry("pageSize", 10)
        .containsEntry("totalCount", 25);
    assertThat(last.getJsonObject("links").getString("prev")).contains("page%5Bnumber%5D=2");
    JsonObject attributes = last.getJsonArray("data").getJsonObject(0).getJsonObject("attributes");
    assertThat(attributes.getString("make")).isEqualTo("TESLA");
    assertThat(attributes.getInteger("year")).isEqualTo(2023);
    assertThat(attributes.getString("mode")).isEqualTo("live");
    assertThat(attributes.getString("connectedAt")).isEqualTo("2026-03-02T06:00:00Z");
  }

  @Test
  void shouldDefaultToTenCapAtOneHundredFilterAndRefuseBadPages() {
    start(true);
    addVehicles(25);

    Reply first = get("/v3/connections", null);
    Reply capped = get("/v3/connections?page%5Bsize%5D=500", null);
    Reply beyond = get("/v3/connections?page%5Bnumber%5D=9", null);
    Reply byUser = get("/v3/connections?filter%5BuserId%5D=user-1&page%5Bsize%5D=100", null);
    Reply byVehicle = get("/v3/connections?filter%5BvehicleId%5D=veh-007", null);
    Reply simulated = get("/v3/connections?filter%5Bvehicle.mode%5D=simulated", null);
    Reply bad = get("/v3/connections?page%5Bnumber%5D=0", null);
    Reply noToken = http.get("/v3/connections");

    assertThat(first.json().getJsonArray("data")).hasSize(10);
    assertThat(first.json().getJsonObject("links").getString("prev")).isNull();
    assertThat(capped.json().getJsonObject("meta").getInteger("pageSize")).isEqualTo(100);
    assertThat(capped.json().getJsonArray("data")).hasSize(25);
    assertThat(capped.json().getJsonObject("links").getString("next")).isNull();
    assertThat(beyond.json().getJsonArray("data")).isEmpty();
    assertThat(beyond.json().getJsonObject("links").getString("next")).isNull();
    assertThat(byUser.json().getJsonArray("data")).hasSize(9);
    assertThat(byUser.json().getJsonObject("links").getString("self"))
        .contains("filter%5BuserId%5D=user-1");
    assertThat(byVehicle.json().getJsonArray("data")).hasSize(1);
    assertThat(simulated.json().getJsonArray("data")).isEmpty();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("type")).isEqualTo("VALIDATION");
    assertThat(noToken.status()).isEqualTo(401);
  }

  @Test
  void shouldShowAnAddedVehicleAndForgetARemovedOneWithItsSubscriptions() {
    start(true);
    Reply added =
        http.postJson(
            "/_sim/vehicles",
            "{\"id\":\"veh-new\",\"userId\":\"user-n\",\"make\":\"BYD\",\"model\":\"SEAL\","
                + "\"year\":2024,\"mode\":\"simulated\"}");
    assertThat(added.status()).isEqualTo(201);

    Reply listed = get("/v3/connections?filter%5BvehicleId%5D=veh-new", null);
    Reply info = get("/v3/vehicles/veh-new", "user-n");
    Reply infoNoUser = get("/v3/vehicles/veh-new", null);
    assertThat(
            listed
                .json()
                .getJsonArray("data")
                .getJsonObject(0)
                .getJsonObject("attributes")
                .getString("mode"))
        .isEqualTo("simulated");
    assertThat(info.status()).isEqualTo(200);
    assertThat(info.json().getJsonObject("data").getJsonObject("attributes").getMap())
        .containsEntry("make", "BYD")
        .containsEntry("model", "SEAL")
        .containsEntry("year", 2024)
        .containsEntry("mode", "simulated")
        .containsEntry("powertrainType", "BEV");
    assertThat(infoNoUser.status()).isEqualTo(400);
    assertThat(sim.subscriptions().subscribed(WEBHOOK, "veh-new")).as("auto-enrolled").isTrue();

    Reply removed = http.delete("/_sim/vehicles/veh-new");
    Reply removedAgain = http.delete("/_sim/vehicles/veh-new");

    assertThat(removed.status()).isEqualTo(204);
    assertThat(removedAgain.status()).isEqualTo(404);
    assertThat(get("/v3/connections", null).json().getJsonObject("meta").getInteger("totalCount"))
        .isZero();
    assertThat(get("/v3/vehicles/veh-new", "user-n").status()).isEqualTo(404);
    assertThat(sim.subscriptions().list(null)).isEmpty();
  }

  @Test
  void shouldSubscribeListAndDeleteInTheWebhookPathStyle() {
    start(false);
    addVehicles(3);
    String base = "/management/v3/webhooks/" + WEBHOOK;

    Reply webhook = get(base, null);
    Reply created = send("POST", base + "/subscriptions", subscribeBody(null, "user-1", "veh-001"));
    Reply again =
        send("POST", base + "/subscriptions", subscribeBody(WEBHOOK, "user-1", "veh-001"));
    Reply otherUser =
        send("POST", base + "/subscriptions", subscribeBody(null, "user-2", "veh-002"));
    Reply mismatch =
        send("POST", base + "/subscriptions", subscribeBody("wh-other", "user-2", "veh-002"));
    Reply unknownVehicle =
        send("POST", base + "/subscriptions", subscribeBody(null, "user-1", "veh-999"));
    Reply unknownWebhook =
        send(
            "POST",
            "/management/v3/webhooks/nope/subscriptions",
            subscribeBody(null, "user-1", "veh-001"));
    Reply emptyBody = send("POST", base + "/subscriptions", "{}");
    Reply list = get(base + "/subscriptions", null);

    assertThat(webhook.json().getJsonObject("data").getJsonObject("attributes").getString("status"))
        .isEqualTo("ENABLED");
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    assertThat(created.json().getJsonObject("meta").getString("message"))
        .isEqualTo("subscription creation in progress");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getInteger("statusCode")).isEqualTo(409);
    assertThat(otherUser.status()).as("veh-002 belongs to user-2").isEqualTo(202);
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(unknownVehicle.status()).isEqualTo(404);
    assertThat(unknownWebhook.status()).isEqualTo(404);
    assertThat(emptyBody.status()).isEqualTo(400);
    JsonArray data = list.json().getJsonArray("data");
    assertThat(data).hasSize(2);
    JsonObject first = data.getJsonObject(0);
    assertThat(first.getString("type")).isEqualTo("subscription");
    assertThat(first.getString("id")).isEqualTo(Subscription.idOf(WEBHOOK, "veh-001"));
    assertThat(
            first
                .getJsonObject("relationships")
                .getJsonObject("vehicle")
                .getJsonObject("data")
                .getString("id"))
        .isEqualTo("veh-001");
    assertThat(
            first
                .getJsonObject("relationships")
                .getJsonObject("webhook")
                .getJsonObject("data")
                .getString("id"))
        .isEqualTo(WEBHOOK);
    assertThat(first.getJsonObject("attributes").getJsonObject("vehicle").getString("make"))
        .isEqualTo("TESLA");
    assertThat(first.getJsonObject("meta").getString("createdAt"))
        .isEqualTo("2026-03-02T06:00:00Z");

    Reply deleted = send("DELETE", base + "/subscriptions/veh-001", null);
    Reply deletedAgain = send("DELETE", base + "/subscriptions/veh-001", null);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deletedAgain.status()).isEqualTo(404);
    assertThat(sim.subscriptions().subscribed(WEBHOOK, "veh-001")).isFalse();
    assertThat(sim.subscriptions().subscribed(WEBHOOK, "veh-002")).isTrue();
  }

  @Test
  void shouldSubscribeListGetAndDeleteInTheFlatPathStyle() {
    start(false);
    addVehicles(12);
    for (int i = 1; i <= 12; i++) {
      String vehicle = String.format("veh-%03d", i);
      Reply r =
          send(
              "POST",
              "/management/v3/subscriptions",
              subscribeBody(WEBHOOK, "user-" + (i % 3), vehicle));
      assertThat(r.status()).as(vehicle + " " + r.body()).isEqualTo(202);
    }
    Reply again =
        send("POST", "/management/v3/subscriptions", subscribeBody(WEBHOOK, "user-1", "veh-001"));
    Reply noWebhook =
        send("POST", "/management/v3/subscriptions", subscribeBody(null, "user-1", "veh-001"));

    Reply page1 = get("/management/v3/subscriptions?filter%5BwebhookId%5D=" + WEBHOOK, null);
    Reply page2 = get(page1.json().getJsonObject("links").getString("next"), null);
    Reply otherWebhook = get("/management/v3/subscriptions?filter%5BwebhookId%5D=other", null);
    String id = Subscription.idOf(WEBHOOK, "veh-005");
    Reply one = get("/management/v3/subscriptions/" + id, null);
    Reply deleted = send("DELETE", "/management/v3/subscriptions/" + id, null);
    Reply gone = get("/management/v3/subscriptions/" + id, null);
    Reply deletedAgain = send("DELETE", "/management/v3/subscriptions/" + id, null);

    assertThat(again.status()).isEqualTo(409);
    assertThat(noWebhook.status()).isEqualTo(400);
    assertThat(page1.json().getJsonArray("data")).hasSize(10);
    assertThat(page1.json().getJsonObject("meta").getInteger("totalCount")).isEqualTo(12);
    assertThat(page2.json().getJsonArray("data")).hasSize(2);
    assertThat(page2.json().getJsonObject("links").getString("next")).isNull();
    assertThat(otherWebhook.json().getJsonArray("data")).isEmpty();
    assertThat(
            one.json()
                .getJsonObject("data")
                .getJsonObject("relationships")
                .getJsonObject("user")
                .getJsonObject("data")
                .getString("id"))
        .isEqualTo("user-2");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(deletedAgain.status()).isEqualTo(404);
    assertThat(sim.subscriptions().list(WEBHOOK)).hasSize(11);
  }

  @Test
  void shouldAllowOneReadPerEightSimulatedHoursForAStreamingTeslaWithoutKey() {
    start(true);
    http.postJson(
        "/_sim/vehicles",
        "[{\"id\":\"veh-t\",\"userId\":\"user-t\",\"make\":\"TESLA\",\"model\":\"Model Y\","
            + "\"hasVirtualKey\":false,\"streamingCapable\":true},"
            + "{\"id\":\"veh-k\",\"userId\":\"user-k\",\"make\":\"TESLA\",\"model\":\"Model Y\","
            + "\"hasVirtualKey\":true,\"streamingCapable\":true}]");

    Reply first = http.signals(token, "user-t", "veh-t");
    clock.advance(Duration.ofHours(2));
    Reply second = http.signals(token, "user-t", "veh-t");
    Reply withKey1 = http.signals(token, "user-k", "veh-k");
    Reply withKey2 = http.signals(token, "user-k", "veh-k");
    JsonObject stats = new JsonObject(http.get("/_sim/stats").body());
    clock.advance(Duration.ofHours(6));
    Reply afterWindow = http.signals(token, "user-t", "veh-t");

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(429);
    assertThat(second.json().getString("type")).isEqualTo("RATE_LIMIT");
    assertThat(second.json().getString("code")).isEqualTo("VEHICLE");
    assertThat(second.retryAfter()).contains(String.valueOf(Duration.ofHours(6).toSeconds()));
    assertThat(withKey1.status()).isEqualTo(200);
    assertThat(withKey2.status()).as("a vehicle with the key is not limited").isEqualTo(200);
    assertThat(stats.getLong("teslaReadViolations")).isEqualTo(1);
    assertThat(stats.getJsonObject("teslaReadViolationsByVehicle").getLong("veh-t")).isEqualTo(1);
    assertThat(afterWindow.status()).isEqualTo(200);
    assertThat(sim.teslaReadRule().violations()).isEqualTo(1);
  }

  @Test
  void shouldInjectFaultsOnTheNewEndpointsWithoutChangingState() {
    start(false);
    addVehicles(2);
    sim.setFaults(
        FaultRules.none()
            .withCommand(FaultRules.CONNECTIONS, FaultProfile.none().withRateLimit(1.0, 7))
            .withCommand(FaultRules.SUBSCRIPTIONS, FaultProfile.none().withServerErrors(1.0)));

    Reply connections = get("/v3/connections", null);
    Reply subscribe =
        send("POST", "/management/v3/subscriptions", subscribeBody(WEBHOOK, "user-1", "veh-001"));
    Reply compat =
        get("/compatibility/v3/compatible-vehicles?make=TESLA&model=Model%203&year=2023", null);

    assertThat(connections.status()).isEqualTo(429);
    assertThat(connections.retryAfter()).contains("7");
    assertThat(subscribe.status()).isEqualTo(500);
    assertThat(subscribe.json().getString("type")).isEqualTo("SERVER");
    assertThat(sim.subscriptions().list(null)).as("a 500 subscribes nothing").isEmpty();
    assertThat(compat.status()).as("no fault configured").isEqualTo(200);
    assertThat(sim.requests().count(null, FaultRules.CONNECTIONS)).isEqualTo(1);
    assertThat(sim.requests().count(null, FaultRules.SUBSCRIPTIONS)).isEqualTo(1);
  }

  @Test
  void shouldChargeTheNewEndpointsToTheAppWideBucket() {
    start(true);
    sim.setBucket(2, 0);

    Reply one = get("/v3/connections", null);
    Reply two = get("/management/v3/webhooks/" + WEBHOOK, null);
    Reply three = get("/compatibility/v3/compatible-vehicles?make=BYD&model=SEAL&year=2024", null);

    assertThat(one.status()).isEqualTo(200);
    assertThat(two.status()).isEqualTo(200);
    assertThat(three.status()).isEqualTo(429);
    assertThat(three.json().getString("code")).isEqualTo("SMARTCAR_API");
    assertThat(three.retryAfter()).isPresent();
  }

  @Test
  void shouldAnswerCompatibilityByMakeModelYearOrVehicle() {
    start(true);
    http.postJson(
        "/_sim/vehicles",
        "{\"id\":\"veh-j\",\"userId\":\"user-j\",\"make\":\"JAGUAR\",\"model\":\"I-PACE\",\"year\":2021}");

    Reply byVehicle = get("/compatibility/v3/compatible-vehicles?vehicleId=veh-j", null);
    Reply byModel =
        get("/compatibility/v3/compatible-vehicles?make=Volkswagen&model=ID.4&year=2021", null);
    Reply unknownMake =
        get("/compatibility/v3/compatible-vehicles?make=Trabant&model=601&year=1988", null);
    Reply missing = get("/compatibility/v3/compatible-vehicles?make=BYD", null);
    Reply unknownVehicle = get("/compatibility/v3/compatible-vehicles?vehicleId=veh-x", null);

    JsonObject jaguar =
        byVehicle.json().getJsonArray("data").getJsonObject(0).getJsonObject("attributes");
    assertThat(jaguar.getString("model")).isEqualTo("I-PACE");
    assertThat(jaguar.getString("region")).isEqualTo("US");
    assertThat(supported(jaguar.getJsonArray("signals"), "code", "charge-energyadded")).isFalse();
    assertThat(supported(jaguar.getJsonArray("signals"), "code", "tractionbattery-stateofcharge"))
        .isTrue();
    assertThat(supported(jaguar.getJsonArray("commands"), "type", "SET_DESTINATION")).isFalse();
    JsonObject vw =
        byModel.json().getJsonArray("data").getJsonObject(0).getJsonObject("attributes");
    assertThat(supported(vw.getJsonArray("commands"), "type", "LOCK")).isTrue();
    assertThat(unknownMake.json().getJsonArray("data")).isEmpty();
    assertThat(missing.status()).isEqualTo(400);
    assertThat(unknownVehicle.status()).isEqualTo(404);
  }

  private static boolean supported(JsonArray items, String key, String value) {
    for (int i = 0; i < items.size(); i++) {
      if (value.equals(items.getJsonObject(i).getString(key))) {
        return items.getJsonObject(i).getBoolean("supported");
      }
    }
    throw new AssertionError(value + " not listed in " + items);
  }
}
