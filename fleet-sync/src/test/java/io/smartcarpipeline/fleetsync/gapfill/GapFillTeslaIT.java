package io.smartcarpipeline.fleetsync.gapfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.EventSource;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VirtualKeyStatus;
import io.smartcarpipeline.fleetsync.FleetSyncApp;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.api.LoggedRequest;
import io.smartcarpipeline.sim.fleet.FleetConfig;
import io.smartcarpipeline.sim.fleet.RunningFleet;
import io.smartcarpipeline.sim.fleet.WebhookSigner;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.smartcarpipeline.support.kafka.TopicCreator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gap-filling against the real simulator and the real broker: fleet-sync reads every newly
 * connected vehicle and publishes API_READ events whose signals are the simulator's truth; an
 * operator hammering {@code POST /backfill?all=true} gets the keyless Tesla read at most once per 8
 * hours of simulated time (counted in the simulator's request log, and its violation counter stays
 * at zero), while the other vehicles are read again.
 */
@ExtendWith(LocalStackExtension.class)
class GapFillTeslaIT {

  private static final double TIME_FACTOR = 600; // 8 simulated hours = 48 real seconds
  private static final String TESLA = "veh-0004"; // the sim's Model Y without a virtual key

  private static final String MANAGEMENT_TOKEN = "amt-test-token";

  private final Vertx vertx = Vertx.vertx();
  private SmartcarApiSim sim;
  private RunningFleet fleet;
  private FleetSyncApp app;

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (fleet != null) {
      fleet.close();
    }
    if (sim != null) {
      sim.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A webhook receiver that passes VERIFY and accepts every delivery (no gateway needed here). */
  private int receiver() throws Exception {
    WebhookSigner signer = new WebhookSigner(MANAGEMENT_TOKEN);
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            b -> {
                              JsonObject json = b.toJsonObject();
                              if ("VERIFY".equals(json.getString("eventType"))) {
                                String challenge =
                                    json.getJsonObject("data").getString("challenge");
                                req.response()
                                    .putHeader("Content-Type", "application/json")
                                    .end(
                                        new JsonObject()
                                            .put("challenge", signer.hashChallenge(challenge))
                                            .encode());
                              } else {
                                req.response().setStatusCode(200).end();
                              }
                            }))
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return server.actualPort();
  }

  /** fleet-sync runs on the fleet's simulated clock, as Smartcar's rule is about car time. */
  private Clock simulatedClock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return fleet.simulatedNow();
      }
    };
  }

  @Test
  void keylessTeslaIsReadAtMostOncePerEightSimulatedHoursWhateverAsks(LocalStack stack)
      throws Exception {
    // given the broker, the simulator with a running fleet (webhooks to nowhere) and fleet-sync
    ensureEventsTopic(stack);
    sim = SmartcarApiSim.start(SimConfig.builder().port(0).bucket(0, 0).build());
    fleet =
        sim.startFleet(
            FleetConfig.builder()
                .gatewayUrl("http://localhost:" + receiver() + "/webhooks/smartcar")
                .managementToken(MANAGEMENT_TOKEN)
                .vehicles(4)
                .seed(42)
                .timeFactor(TIME_FACTOR)
                .duplicateShare(0)
                .startTime(Instant.parse("2026-03-02T06:00:00Z"))
                .build());
    seedConnections(stack);
    // read only what is written from now on: other ITs in this JVM share the broker and the topic
    KafkaConsumer<String, VehicleEvent> fromNow = eventsConsumer(stack);
    app =
        FleetSyncApp.start(
            Settings.of(settings(stack)),
            List.of(new GapFiller(GapFillConfig.from(Settings.of(Map.of())))),
            simulatedClock());
    Instant start = fleet.simulatedNow();

    // when an operator asks for a backfill of everything every second for 70 real seconds
    List<VehicleEvent> reads = new ArrayList<>();
    try (KafkaConsumer<String, VehicleEvent> consumer = fromNow) {
      HttpClient http = HttpClient.newHttpClient();
      long until = System.nanoTime() + Duration.ofSeconds(70).toNanos();
      while (System.nanoTime() < until) {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + app.port() + "/backfill?all=true"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(202);
        poll(consumer, reads);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> vehiclesRead(poll(consumer, reads)) == 4);
    }
    Duration simulated = Duration.between(start, fleet.simulatedNow());

    // then the Tesla got at most one signals request per started 8 simulated hours, none refused
    long teslaReads = signalReads(TESLA);
    long allowed = 1 + simulated.toHours() / 8;
    assertThat(simulated).isGreaterThan(Duration.ofHours(8));
    assertThat(teslaReads).as("statuses %s", statuses(TESLA)).isBetween(2L, allowed);
    assertThat(sim.teslaReadRule().violations()).isZero();
    // while a vehicle the rule does not cover (a Jaguar) was read again and again
    assertThat(signalReads("veh-0002")).isGreaterThan(teslaReads * 5);
    // and what was published is marked as an API read
    assertThat(reads).allSatisfy(e -> assertThat(e.getSource()).isEqualTo(EventSource.API_READ));
  }

  /**
   * The vehicle's signals requests that reached the vehicle API: a 401 (the app token refused, then
   * renewed and the call made once more) is turned away before any vehicle is asked.
   */
  private long signalReads(String vehicleId) {
    return signalRequests(vehicleId).stream().filter(r -> r.status() != 401).count();
  }

  private List<String> statuses(String vehicleId) {
    return signalRequests(vehicleId).stream().map(r -> r.status() + "@" + r.time()).toList();
  }

  private List<LoggedRequest> signalRequests(String vehicleId) {
    return sim.requests().all().stream()
        .filter(r -> vehicleId.equals(r.vehicleId()))
        .filter(r -> "GET".equals(r.method()) && r.path().endsWith("/signals"))
        .toList();
  }

  private static long vehiclesRead(List<VehicleEvent> reads) {
    return reads.stream().map(VehicleEvent::getVehicleId).distinct().count();
  }

  private static List<VehicleEvent> poll(
      KafkaConsumer<String, VehicleEvent> consumer, List<VehicleEvent> into) {
    consumer.poll(Duration.ofMillis(200)).forEach(r -> into.add(r.value()));
    return into;
  }

  private Map<String, String> settings(LocalStack stack) {
    Map<String, String> s = new HashMap<>();
    s.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
    s.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
    s.put("SMARTCAR_CLIENT_ID", "client_sim");
    s.put("SMARTCAR_CLIENT_SECRET", "sim-secret");
    s.put("SMARTCAR_API_V3_ORIGIN", sim.v3Origin());
    s.put("SMARTCAR_IAM_ORIGIN", sim.iamOrigin());
    s.put("SMARTCAR_MANAGEMENT_API_ORIGIN", sim.managementOrigin());
    s.put("SMARTCAR_COMPATIBILITY_API_ORIGIN", sim.compatibilityOrigin());
    s.put("SMARTCAR_WEBHOOK_IDS", SimConfig.DEFAULT_WEBHOOK_ID);
    s.put("FLEET_SYNC_PORT", "0");
    // the skeleton reads an empty list as "not set" (reported); an id no vehicle has
    s.put("FLEET_SYNC_EXCLUDED_VEHICLES", "veh-none");
    s.put("FLEET_SYNC_GROUP_ID", "gapfill-it-" + UUID.randomUUID());
    s.put("FLEET_SYNC_VEHICLE_SPACING", "0s");
    s.put("TOPIC_REPLICATION_FACTOR", "1");
    return s;
  }

  private static void ensureEventsTopic(LocalStack stack) {
    KafkaClientSettings kafka =
        KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl());
    try (Admin admin =
        Admin.create(KafkaClients.adminConfig(kafka, "gapfill-it", Duration.ofSeconds(30)))) {
      TopicCreator.ensureTopics(
          admin, List.of(Topics.VEHICLE_EVENTS), 1, 0, Duration.ofSeconds(30));
    }
  }

  /**
   * The fleet's connection records as fleet-sync would have synced them (its connection sync is
   * another part; restored records are what gap-filling reads from). veh-0001's key is known.
   */
  private static void seedConnections(LocalStack stack) throws Exception {
    KafkaClientSettings kafka =
        KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl());
    try (Admin admin =
        Admin.create(KafkaClients.adminConfig(kafka, "gapfill-it", Duration.ofSeconds(30)))) {
      TopicCreator.ensureTopics(admin, List.of(Topics.CONNECTIONS), 1, 0, Duration.ofSeconds(30));
    }
    try (KafkaProducer<String, VehicleConnection> producer =
        new KafkaProducer<>(KafkaClients.producerConfig(kafka, "gapfill-it-seed"))) {
      for (VehicleConnection c :
          List.of(
              connection("veh-0001", "TESLA", "Model 3", 2023, VirtualKeyStatus.PRESENT),
              connection("veh-0002", "JAGUAR", "I-PACE", 2021, VirtualKeyStatus.UNKNOWN),
              connection("veh-0003", null, null, null, VirtualKeyStatus.UNKNOWN),
              connection(TESLA, "TESLA", "Model Y", 2024, VirtualKeyStatus.UNKNOWN))) {
        producer.send(new ProducerRecord<>(Topics.CONNECTIONS.name(), c.getVehicleId(), c)).get();
      }
    }
  }

  private static VehicleConnection connection(
      String id, String make, String model, Integer year, VirtualKeyStatus key) {
    return VehicleConnection.newBuilder()
        .setVehicleId(id)
        .setUserId("user-" + id.substring(4))
        .setMake(make)
        .setModel(model)
        .setYear(year)
        .setMode("live")
        .setStatus(ConnectionStatus.CONNECTED)
        .setLastSyncedAt(Instant.parse("2026-03-02T06:00:00Z"))
        .setVirtualKey(key)
        .build();
  }

  private static KafkaConsumer<String, VehicleEvent> eventsConsumer(LocalStack stack) {
    KafkaClientSettings kafka =
        KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl());
    Map<String, Object> c =
        new HashMap<>(KafkaClients.consumerConfig(kafka, "gapfill-it-" + UUID.randomUUID()));
    KafkaConsumer<String, VehicleEvent> consumer = new KafkaConsumer<>(c);
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.VEHICLE_EVENTS.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(
        consumer::position); // resolve the end offsets now, before anything is written
    return consumer;
  }
}
