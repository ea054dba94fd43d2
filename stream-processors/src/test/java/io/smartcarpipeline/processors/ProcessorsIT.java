package io.smartcarpipeline.processors;

import static io.smartcarpipeline.processors.testdata.ChargingDay.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.events.EnergySource;
import io.smartcarpipeline.events.SessionEndReason;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.events.SignalEvent;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.processors.domain.SignalEvents;
import io.smartcarpipeline.processors.testdata.ChargingDay;
import io.smartcarpipeline.processors.testdata.FixtureEvents;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processors on the embedded broker and registry with exactly-once: real fixtures and a
 * scripted charging day for two vehicles go through the topics, the app is restarted mid-session,
 * and the signals, state and sessions topics and the query API are checked.
 */
@ExtendWith(LocalStackExtension.class)
class ProcessorsIT {

  private static final String A = "it-vehicle-a";
  private static final String B = "it-vehicle-b";
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<VehicleEvent> distinct = new ArrayList<>();

  @Test
  void shouldDeriveSignalsStateAndSessionsAcrossRestartWithoutLossOrDoubles(
      LocalStack stack, @TempDir Path stateDir) throws Exception {
    Settings settings = settings(stack, stateDir);
    ChargingDay a = new ChargingDay(A);
    ChargingDay b = new ChargingDay(B);
    VehicleEvent jaguar = FixtureEvents.load("jaguar_ipace_all.json", Instant.now());
    VehicleEvent vwError = FixtureEvents.load("vw_id_4_error.json", Instant.now());

    try (KafkaProducer<String, VehicleEvent> producer =
        new KafkaProducer<>(
            KafkaClients.producerConfig(
                KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl()),
                "processors-it"))) {
      ProcessorsApp first = ProcessorsApp.start(settings);
      try {
        // given: fixtures, the first half of a charging day, a redelivery and an unreadable record
        send(producer, jaguar, vwError);
        VehicleEvent aMid = a.charge(30, true, true, 35, 8.0);
        send(producer, a.charge(0, true, true, 20, 0.0), aMid, a.charge(40, true, false, 36, 9.0));
        producer.send(new ProducerRecord<>(Topics.VEHICLE_EVENTS.name(), A, aMid)).get();
        send(
            producer,
            b.event(0)
                .bool("charge-ischarging", true, at(0))
                .number("tractionbattery-stateofcharge", 30, "percent", at(0))
                .number("tractionbattery-nominalcapacity", 60, "kWh", at(0))
                .build(),
            b.event(20)
                .bool("charge-ischarging", true, at(20))
                .number("tractionbattery-stateofcharge", 40, "percent", at(20))
                .build());
        sendGarbage(stack);

        // then: the open session is queryable over HTTP
        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () -> {
                  JsonArray sessions =
                      getJson(first.port(), "/vehicles/" + A + "/charging-sessions")
                          .getJsonArray("sessions");
                  assertThat(sessions).hasSize(1);
                  assertThat(sessions.getJsonObject(0).getString("status")).isEqualTo("ACTIVE");
                  assertThat(sessions.getJsonObject(0).getInteger("segments")).isEqualTo(1);
                });
        JsonObject jaguarState =
            getJson(first.port(), "/vehicles/" + jaguar.getVehicleId() + "/state");
        assertThat(jaguarState.getJsonObject("vehicle").getString("make")).isEqualTo("JAGUAR");
        assertThat(
                jaguarState
                    .getJsonObject("signals")
                    .getJsonObject("tractionbattery-stateofcharge")
                    .getJsonObject("value")
                    .getDouble("numberValue"))
            .isEqualTo(54.0);
      } finally {
        first.close();
      }

      // when: the app restarts mid-session and the day goes on
      ProcessorsApp second = ProcessorsApp.start(settings);
      try {
        send(
            producer,
            a.charge(60, true, true, 36, 9.0),
            a.charge(90, true, true, 50, 16.0),
            a.plugged(91, false));
        send(
            producer,
            b.event(45)
                .bool("charge-ischarging", false, at(45))
                .number("tractionbattery-stateofcharge", 45, "percent", at(45))
                .build(),
            b.event(120).number("tractionbattery-stateofcharge", 45, "percent", at(120)).build());

        // then: each vehicle has exactly one completed session, nothing lost or doubled
        List<ChargingSession> sessions =
            readUntil(
                stack,
                Topics.CHARGING_SESSIONS.name(),
                ChargingSession.class,
                list ->
                    list.stream().filter(s -> s.getStatus() != SessionStatus.ACTIVE).count() >= 2);
        ChargingSession finalA = only(sessions, A);
        assertThat(finalA.getEnergyKwh()).isEqualTo(16.0);
        assertThat(finalA.getEnergySource()).isEqualTo(EnergySource.MEASURED);
        assertThat(finalA.getSegments()).isEqualTo(2);
        assertThat(finalA.getEndReason()).isEqualTo(SessionEndReason.UNPLUGGED);
        ChargingSession finalB = only(sessions, B);
        assertThat(finalB.getEndReason()).isEqualTo(SessionEndReason.STOPPED);
        assertThat(finalB.getEnergySource()).isEqualTo(EnergySource.ESTIMATED);
        assertThat(finalB.getEnergyKwh()).isEqualTo(9.0);

        int expectedSignals = distinct.stream().mapToInt(e -> SignalEvents.from(e).size()).sum();
        List<SignalEvent> signals =
            readUntil(
                stack,
                Topics.SIGNALS.name(),
                SignalEvent.class,
                list -> list.size() >= expectedSignals);
        assertThat(signals).hasSize(expectedSignals);
        List<DeadLetter> dead =
            readUntil(stack, Topics.DEAD_LETTERS.name(), DeadLetter.class, list -> !list.isEmpty());
        assertThat(dead)
            .singleElement()
            .satisfies(d -> assertThat(d.getReason()).isEqualTo("DESERIALIZATION_FAILED"));

        JsonArray viaHttp =
            getJson(second.port(), "/vehicles/" + A + "/charging-sessions?limit=5")
                .getJsonArray("sessions");
        assertThat(viaHttp).hasSize(1);
        assertThat(viaHttp.getJsonObject(0).getString("status")).isEqualTo("COMPLETED");
        assertThat(getJson(second.port(), "/vehicles?limit=10").getJsonArray("vehicles").getList())
            .contains(A, B, jaguar.getVehicleId(), vwError.getVehicleId());
        assertThat(
                getJson(second.port(), "/vehicles/" + vwError.getVehicleId() + "/state")
                    .getJsonArray("openErrors"))
            .hasSize(2);
        HttpResponse<String> unknown = get(second.port(), "/vehicles/nope/state");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(unknown.body()).getJsonObject("error").getString("code"))
            .isEqualTo("VEHICLE_NOT_FOUND");
        assertThat(get(second.port(), "/health/ready").statusCode()).isEqualTo(200);
        assertThat(get(second.port(), "/metrics").body()).contains("kafka_stream");
      } finally {
        second.close();
      }
    }
  }

  private static Settings settings(LocalStack stack, Path stateDir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(CommonSettings.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
    env.put(CommonSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    env.put(ProcessorsConfig.PORT, "0");
    env.put(ProcessorsConfig.STATE_DIR, stateDir.toString());
    env.put(ProcessorsConfig.APPLICATION_ID, "processors-it-" + UUID.randomUUID());
    env.put(ProcessorsConfig.CACHE_MAX_BYTES, "0");
    env.put(ProcessorsConfig.COMMIT_INTERVAL, "100ms");
    env.put(ProcessorsConfig.SESSION_CHECK_INTERVAL, "1s");
    return Settings.of(env);
  }

  private void send(KafkaProducer<String, VehicleEvent> producer, VehicleEvent... events)
      throws Exception {
    for (VehicleEvent e : events) {
      producer.send(new ProducerRecord<>(Topics.VEHICLE_EVENTS.name(), e.getVehicleId(), e)).get();
      distinct.add(e);
    }
  }

  private static void sendGarbage(LocalStack stack) throws Exception {
    Map<String, Object> config =
        KafkaClients.producerConfig(
            KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl()),
            "it-garbage");
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(config)) {
      p.send(
              new ProducerRecord<>(
                  Topics.VEHICLE_EVENTS.name(), A, "not avro".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
  }

  private static ChargingSession only(List<ChargingSession> all, String vehicleId) {
    List<ChargingSession> mine =
        all.stream().filter(s -> s.getVehicleId().equals(vehicleId)).toList();
    assertThat(mine)
        .extracting(ChargingSession::getSessionId)
        .containsOnly(mine.get(0).getSessionId());
    List<Integer> revisions = mine.stream().map(ChargingSession::getRevision).toList();
    assertThat(revisions)
        .as("revisions of %s", vehicleId)
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, mine.size()).boxed().toList());
    ChargingSession last = mine.get(mine.size() - 1);
    assertThat(last.getStatus()).isEqualTo(SessionStatus.COMPLETED);
    return last;
  }

  private static <T extends SpecificRecord> List<T> readUntil(
      LocalStack stack, String topic, Class<T> type, java.util.function.Predicate<List<T>> done) {
    List<T> out = new ArrayList<>();
    try (KafkaConsumer<String, T> consumer =
        new KafkaConsumer<>(
            KafkaClients.consumerConfig(
                KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl()),
                "it-reader-" + UUID.randomUUID()))) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                for (ConsumerRecord<String, T> r : consumer.poll(Duration.ofMillis(200))) {
                  out.add(type.cast(r.value()));
                }
                return done.test(out);
              });
      // one more poll: anything extra (a doubled record) would show up here
      consumer.poll(Duration.ofMillis(500)).forEach(r -> out.add(type.cast(r.value())));
    }
    return out;
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject getJson(int port, String path) throws Exception {
    HttpResponse<String> r = get(port, path);
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }
}
