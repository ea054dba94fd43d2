package io.smartcarpipeline.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.vehicle.SimFleetState;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet against a tiny webhook receiver over real HTTP: VERIFY, signatures, 503s and 200s,
 * Smartcar's retry schedule scaled by the time factor, duplicates, drops and the ledger.
 */
class FleetDeliveryIT {

  private static final String TOKEN = "amt-test-token";
  private static final double TIME_FACTOR = 200; // retries after 125 ms, 250 ms, 500 ms
  private static final WebhookSigner SIGNER = new WebhookSigner(TOKEN);

  /** One request the receiver got, and what it answered. */
  record Received(String eventId, String deliveryId, long nanos, int status, String bodyNoMeta) {}

  private final Vertx vertx = Vertx.vertx();
  private final Queue<Received> received = new ConcurrentLinkedQueue<>();
  private final Set<String> firstSeen = ConcurrentHashMap.newKeySet();
  private final AtomicInteger badRequests = new AtomicInteger();
  private volatile boolean answerVerifyWrong;

  @AfterEach
  void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** eventIds in class 0 always get 503 (dropped), class 1 gets 503 once, the rest 200. */
  private static int classOf(String eventId) {
    return Math.floorMod(eventId.hashCode(), 5);
  }

  private void handle(HttpServerRequest request, Buffer body) {
    String signature = request.getHeader("SC-Signature");
    boolean valid =
        SIGNER.sign(body.getBytes()).equals(signature)
            && "application/json".equals(request.getHeader("Content-Type"))
            && request.getHeader("User-Agent").startsWith("Smartcar/");
    if (!valid) {
      badRequests.incrementAndGet();
      request.response().setStatusCode(401).end();
      return;
    }
    JsonObject json = body.toJsonObject();
    if ("VERIFY".equals(json.getString("eventType"))) {
      String challenge = json.getJsonObject("data").getString("challenge");
      String answer = answerVerifyWrong ? "0".repeat(64) : SIGNER.hashChallenge(challenge);
      request
          .response()
          .putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("challenge", answer).encode());
      return;
    }
    String eventId = json.getString("eventId");
    boolean first = firstSeen.add(eventId);
    int status =
        switch (classOf(eventId)) {
          case 0 -> 503;
          case 1 -> first ? 503 : 200;
          default -> 200;
        };
    JsonObject meta = (JsonObject) json.remove("meta");
    received.add(
        new Received(
            eventId, meta.getString("deliveryId"), System.nanoTime(), status, json.encode()));
    request.response().setStatusCode(status).end();
  }

  private String startReceiver() throws Exception {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(req -> req.body().onSuccess(b -> handle(req, b)))
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return "http://localhost:" + server.actualPort() + "/webhooks/smartcar";
  }

  private static FleetConfig config(String url) {
    return FleetConfig.builder()
        .gatewayUrl(url)
        .managementToken(TOKEN)
        .vehicles(8)
        .seed(42)
        .timeFactor(TIME_FACTOR)
        .duplicateShare(0.3)
        .concurrency(4)
        .startTime(Instant.parse("2026-03-02T06:00:00Z"))
        .build();
  }

  @Test
  void shouldRetryOnTheScaledScheduleDropAfterFourAttemptsAndLedgerExactlyThe2xxEvents()
      throws Exception {
    String url = startReceiver();
    SmartcarApiSim sim = SmartcarApiSim.start(SimConfig.builder().port(0).bucket(0, 0).build());
    RunningFleet fleet = sim.startFleet(config(url));
    try {
      await().atMost(Duration.ofSeconds(40)).until(() -> fleet.stats().events() >= 40);
      fleet.pause(true);
      await().atMost(Duration.ofSeconds(15)).until(() -> fleet.stats().pending() == 0);
      FleetStats stats = fleet.stats();
      List<Received> all = List.copyOf(received);
      Map<String, List<Received>> byEvent =
          all.stream().collect(Collectors.groupingBy(Received::eventId));

      // the fleet's vehicles are the API stand-in's vehicles
      assertThat(sim.vehicles().size()).isEqualTo(8);
      assertThat(fleet.vehicles().get(0)).isSameAs(sim.vehicles().require("veh-0001"));
      // every delivery was signed over its exact bytes
      assertThat(badRequests).hasValue(0);
      // counters match what the receiver saw
      assertThat(stats.sent()).isEqualTo(all.size());
      assertThat(stats.accepted()).isEqualTo(all.stream().filter(r -> r.status() == 200).count());
      assertThat(stats.rejected()).isEqualTo(all.stream().filter(r -> r.status() == 503).count());
      assertThat(stats.sent()).isEqualTo(stats.events() + stats.duplicatesSent() + stats.retried());
      assertThat(stats.retried()).isEqualTo(stats.rejected() - stats.dropped());
      // the ledger lists exactly the eventIds that got a 2xx
      Set<String> answered200 =
          all.stream()
              .filter(r -> r.status() == 200)
              .map(Received::eventId)
              .collect(Collectors.toSet());
      assertThat(fleet.ledger().acceptedEventIds()).isNotEmpty().isEqualTo(answered200);
      // always-503 events: 4 attempts per delivery, then dropped and counted
      Map<String, List<Received>> doomed =
          byEvent.entrySet().stream()
              .filter(e -> classOf(e.getKey()) == 0)
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      assertThat(doomed).isNotEmpty();
      assertThat(doomed.values()).allMatch(attempts -> attempts.size() % 4 == 0);
      long doomedAttempts = doomed.values().stream().mapToLong(List::size).sum();
      assertThat(stats.dropped()).isPositive().isEqualTo(doomedAttempts / 4);
      assertThat(fleet.ledger().acceptedEventIds()).doesNotContainAnyElementsOf(doomed.keySet());
      // the retries came after 25 s, 50 s, 100 s of simulated time = 125, 250, 500 ms real
      List<Received> single =
          doomed.values().stream().filter(a -> a.size() == 4).findFirst().orElseThrow();
      long[] expectedMs = {125, 250, 500};
      for (int i = 1; i < 4; i++) {
        long gapMs = (single.get(i).nanos() - single.get(i - 1).nanos()) / 1_000_000;
        assertThat(gapMs)
            .as("wait before retry %d", i)
            .isBetween(expectedMs[i - 1] - 5, expectedMs[i - 1] + 1500);
      }
      assertThat(single.stream().map(Received::deliveryId).distinct()).hasSize(4);
      // duplicates: same eventId and event, another deliveryId
      assertThat(stats.duplicatesSent()).isPositive();
      List<Received> duplicated =
          byEvent.entrySet().stream()
              .filter(e -> classOf(e.getKey()) >= 2 && e.getValue().size() == 2)
              .map(Map.Entry::getValue)
              .findFirst()
              .orElseThrow();
      assertThat(duplicated.get(0).deliveryId()).isNotEqualTo(duplicated.get(1).deliveryId());
      assertThat(duplicated.get(0).bodyNoMeta()).isEqualTo(duplicated.get(1).bodyNoMeta());
    } finally {
      fleet.close();
      sim.close();
    }
  }

  @Test
  void shouldFailTheStartWhenVerifyIsAnsweredWrongly() throws Exception {
    answerVerifyWrong = true;
    String url = startReceiver();

    assertThatThrownBy(
            () -> FleetSimulator.start(vertx, config(url), new SimFleetState(Clock.systemUTC())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VERIFY failed")
        .hasMessageContaining("expected 200");
    assertThat(received).isEmpty();
  }
}
