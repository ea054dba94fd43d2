package io.smartcarpipeline.fleetsync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.SubscriptionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.fleetsync.FleetSyncApp;
import io.smartcarpipeline.fleetsync.kafka.CompactedTopics;
import io.smartcarpipeline.gateway.GatewayApp;
import io.smartcarpipeline.gateway.http.GatewayRouter;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.fleet.FleetConfig;
import io.smartcarpipeline.sim.fleet.RunningFleet;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fleet-sync against the real embedded broker and registry, the real Smartcar stand-in (auto-enroll
 * off, so nothing gets webhooks until fleet-sync subscribes it) and a real ingest gateway: the
 * fleet's vehicles are subscribed and their webhooks reach {@code smartcar.vehicle-events.v1}; a
 * vehicle added later is subscribed within one sync interval; a simulated-mode vehicle is not; an
 * excluded one is unsubscribed; a removed one is marked DISCONNECTED. Both subscription path
 * styles.
 */
@ExtendWith(LocalStackExtension.class)
class FleetSyncIT {

  private static final String AMT = "fleet-sync-it-management-token";
  private static final String WEBHOOK = SimConfig.DEFAULT_WEBHOOK_ID;
  private static final Duration INTERVAL = Duration.ofSeconds(3);

  private final HttpClient http = HttpClient.newHttpClient();
  private SmartcarApiSim sim;
  private GatewayApp gateway;
  private RunningFleet fleet;
  private FleetSyncApp fleetSync;

  @AfterEach
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {fleetSync, fleet, gateway, sim}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // keep closing the rest
        }
      }
    }
  }

  @ParameterizedTest(name = "path style {0}")
  @ValueSource(strings = {"webhook", "flat"})
  void keepsSubscriptionsInStepWithTheConnections(String style, LocalStack stack) throws Exception {
    String p = style + "-";
    Instant testStart = Instant.now();
    sim =
        SmartcarApiSim.start(
            SimConfig.builder().port(0).bucket(0, 0).webhook(WEBHOOK, false).build());
    gateway = GatewayApp.start(Settings.of(gatewaySettings(stack)));
    fleet =
        sim.startFleet(
            FleetConfig.builder()
                .gatewayUrl("http://localhost:" + gateway.port() + GatewayRouter.WEBHOOK_PATH)
                .managementToken(AMT)
                .vehicles(2)
                .seed(11)
                .timeFactor(600)
                .duplicateShare(0)
                .build());
    List<String> fleetIds = fleet.vehicles().stream().map(v -> v.id()).toList();
    addVehicle(p + "excluded", "live");
    assertThat(sim.subscriptions().subscribe(WEBHOOK, "user-" + p + "excluded", p + "excluded"))
        .isNotNull();
    assertThat(sim.subscriptions().subscribed(WEBHOOK, p + "excluded")).isTrue();

    fleetSync =
        FleetSyncApp.start(
            Settings.of(fleetSyncSettings(stack, style, p)), List.of(), Clock.systemUTC());

    // the fleet's vehicles get subscribed by fleet-sync's first sync, then their webhooks arrive
    await()
        .atMost(INTERVAL.plusSeconds(10))
        .until(() -> fleetIds.stream().allMatch(id -> sim.subscriptions().subscribed(WEBHOOK, id)));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> eventVehicles(stack, testStart).containsAll(fleetIds));
    // the excluded vehicle's subscription was removed through the management API
    await()
        .atMost(INTERVAL.plusSeconds(10))
        .until(() -> !sim.subscriptions().subscribed(WEBHOOK, p + "excluded"));
    VehicleConnection excluded =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> record(stack, p + "excluded"),
                r -> r != null && status(r) == SubscriptionStatus.EXCLUDED);
    assertThat(excluded.getStatus()).isEqualTo(ConnectionStatus.CONNECTED);

    // a vehicle connected now is subscribed within one sync interval (plus the sync's own time)
    Instant added = Instant.now();
    addVehicle(p + "new", "live");
    addVehicle(p + "simulated", "simulated");
    await()
        .atMost(INTERVAL.plusSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> sim.subscriptions().subscribed(WEBHOOK, p + "new"));
    assertThat(Duration.between(added, Instant.now())).isLessThan(INTERVAL.plusSeconds(2));
    VehicleConnection fresh =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> record(stack, p + "new"),
                r -> r != null && status(r) == SubscriptionStatus.SUBSCRIBED);
    assertThat(fresh.getUserId()).isEqualTo("user-" + p + "new");
    assertThat(fresh.getMake()).isEqualTo("POLESTAR");
    assertThat(fresh.getYear()).isEqualTo(2024);
    assertThat(fresh.getMode()).isEqualTo("live");
    assertThat(fresh.getStatus()).isEqualTo(ConnectionStatus.CONNECTED);
    // compatibility of a known vehicle: answered through fleet-sync and kept on its record
    HttpResponse<String> compat = get("/compatibility?vehicle=" + p + "new");
    assertThat(compat.statusCode()).as(compat.body()).isEqualTo(200);
    JsonObject support = new JsonObject(compat.body());
    assertThat(support.getJsonObject("signals").getBoolean("location-isathome")).isFalse();
    assertThat(support.getJsonObject("signals").getBoolean("tractionbattery-stateofcharge"))
        .isTrue();
    assertThat(support.getJsonObject("commands").getBoolean("LOCK")).isTrue();
    VehicleConnection withSupport =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> record(stack, p + "new"), r -> r.getCompatibility() != null);
    assertThat(withSupport.getCompatibility().getSignals())
        .anyMatch(c -> c.getCode().equals("location-isathome") && !c.getSupported());
    assertThat(get("/compatibility?make=NOPE&model=X&year=2020").statusCode()).isEqualTo(502);
    assertThat(get("/compatibility?make=TESLA").statusCode()).isEqualTo(400);
    assertThat(get("/compatibility?vehicle=nobody").statusCode()).isEqualTo(404);

    VehicleConnection simulated =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> record(stack, p + "simulated"), r -> r != null && status(r) != null);
    assertThat(status(simulated)).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
    assertThat(sim.subscriptions().subscribed(WEBHOOK, p + "simulated")).isFalse();

    // a removed vehicle is DISCONNECTED on the topic and has no subscription
    assertThat(sim.removeVehicle(p + "new")).isTrue();
    VehicleConnection gone =
        await()
            .atMost(INTERVAL.plusSeconds(10))
            .until(
                () -> record(stack, p + "new"),
                r -> r.getStatus() == ConnectionStatus.DISCONNECTED);
    assertThat(gone.getDisconnectedAt()).isNotNull();
    assertThat(status(gone)).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
    assertThat(sim.subscriptions().subscribed(WEBHOOK, p + "new")).isFalse();

    // POST /sync answers with the run's counts
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + fleetSync.port() + "/sync"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonObject report = new JsonObject(answer.body());
    assertThat(report.getInteger("listed")).isEqualTo(fleetIds.size() + 2);
    assertThat(report.getJsonObject("vehiclesByStatus").getInteger("CONNECTED"))
        .isEqualTo(fleetIds.size() + 2);
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + fleetSync.port() + pathAndQuery))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void addVehicle(String id, String mode) {
    sim.addVehicle(
        sim.vehicles().builder(id, "user-" + id).make("POLESTAR", "2", 2024).build(), mode, false);
  }

  private static SubscriptionStatus status(VehicleConnection r) {
    return r.getSubscriptions().stream()
        .filter(s -> s.getWebhookId().equals(WEBHOOK))
        .map(s -> s.getStatus())
        .findFirst()
        .orElse(null);
  }

  private static VehicleConnection record(LocalStack stack, String vehicleId) {
    return CompactedTopics.readAll(
            kafka(stack), Topics.CONNECTIONS, "fleet-sync-it-reader", Duration.ofSeconds(20))
        .get(vehicleId);
  }

  /** Vehicles with an event on the topic received since {@code since}. */
  private static Set<String> eventVehicles(LocalStack stack, Instant since) {
    Map<String, Object> c =
        new HashMap<>(
            KafkaClients.consumerConfig(kafka(stack), "fleet-sync-it-" + System.nanoTime()));
    Set<String> ids = new HashSet<>();
    try (KafkaConsumer<String, VehicleEvent> consumer = new KafkaConsumer<>(c)) {
      consumer.subscribe(List.of(Topics.VEHICLE_EVENTS.name()));
      long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < until) {
        for (ConsumerRecord<String, VehicleEvent> r : consumer.poll(Duration.ofMillis(200))) {
          if (!r.value().getReceivedAt().isBefore(since)) {
            ids.add(r.key());
          }
        }
      }
    }
    return ids;
  }

  private static KafkaClientSettings kafka(LocalStack stack) {
    return KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl());
  }

  private static Map<String, String> gatewaySettings(LocalStack stack) {
    Map<String, String> s = new HashMap<>();
    s.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
    s.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
    s.put("SMARTCAR_MANAGEMENT_TOKEN", AMT);
    s.put("GATEWAY_PORT", "0");
    s.put("TOPIC_PARTITIONS", "3");
    return s;
  }

  private Map<String, String> fleetSyncSettings(LocalStack stack, String style, String prefix) {
    Map<String, String> s = new HashMap<>();
    s.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
    s.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
    s.put("SMARTCAR_CLIENT_ID", "client_sim");
    s.put("SMARTCAR_CLIENT_SECRET", "sim-secret");
    s.put("SMARTCAR_API_V3_ORIGIN", sim.v3Origin());
    s.put("SMARTCAR_IAM_ORIGIN", sim.iamOrigin());
    s.put("SMARTCAR_MANAGEMENT_API_ORIGIN", sim.managementOrigin());
    s.put("SMARTCAR_COMPATIBILITY_API_ORIGIN", sim.compatibilityOrigin());
    s.put("SMARTCAR_WEBHOOK_IDS", WEBHOOK);
    s.put("SMARTCAR_SUBSCRIPTION_PATH_STYLE", style);
    s.put("FLEET_SYNC_PORT", "0");
    s.put("FLEET_SYNC_INTERVAL", INTERVAL.toSeconds() + "s");
    s.put("FLEET_SYNC_PAGE_SIZE", "2"); // several pages even for this small fleet
    s.put("FLEET_SYNC_EXCLUDED_VEHICLES", prefix + "excluded");
    s.put("FLEET_SYNC_VEHICLE_SPACING", "0s");
    s.put("TOPIC_PARTITIONS", "3");
    return s;
  }
}
