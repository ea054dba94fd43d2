package io.smartcarpipeline.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.processors.testdata.ChargingDay;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the processors in one Kafka Streams application on the embedded broker, each
 * hosting some partitions: either instance's query API must answer for the whole fleet.
 */
@ExtendWith(LocalStackExtension.class)
class ProcessorsClusterIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void eitherInstanceAnswersForEveryVehicle(
      LocalStack stack, @TempDir Path leftDir, @TempDir Path rightDir) throws Exception {
    String app = "processors-cluster-it-" + UUID.randomUUID();
    String prefix = "cluster-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    List<String> vehicles = IntStream.range(0, 12).mapToObj(i -> prefix + i).toList();

    try (ProcessorsApp left = ProcessorsApp.start(settings(stack, app, leftDir));
        ProcessorsApp right = ProcessorsApp.start(settings(stack, app, rightDir))) {
      // given: one event per vehicle, spread by key over the topic's partitions
      send(stack, vehicles);

      // then: each instance hosts some of them, and both together all of them
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                Set<String> onLeft = local(left.port(), prefix);
                Set<String> onRight = local(right.port(), prefix);
                assertThat(onLeft).isNotEmpty();
                assertThat(onRight).isNotEmpty().doesNotContainAnyElementsOf(onLeft);
                assertThat(union(onLeft, onRight)).containsExactlyInAnyOrderElementsOf(vehicles);
              });

      // when / then: the vehicle list and the fleet view from either side (a peer may still be
      // settling after the rebalance, so both are retried until every instance answered)
      for (ProcessorsApp instance : List.of(left, right)) {
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertWholeFleet(instance.port(), prefix, vehicles));
      }
      String hostedRight = local(right.port(), prefix).iterator().next();
      assertThat(json(left.port(), "/vehicles/" + hostedRight + "/state").getString("vehicleId"))
          .isEqualTo(hostedRight);
    }
  }

  private void assertWholeFleet(int port, String prefix, List<String> vehicles) throws Exception {
    JsonObject list = json(port, "/vehicles?limit=500");
    assertThat(list.getJsonObject("instances").getInteger("answered")).isEqualTo(2);
    assertThat(list.getJsonArray("vehicles").getList())
        .filteredOn(id -> ((String) id).startsWith(prefix))
        .containsExactlyInAnyOrderElementsOf(vehicles);
    JsonObject fleet = json(port, "/fleet");
    assertThat(fleet.getJsonObject("instances").getInteger("answered")).isEqualTo(2);
    assertThat(fleet.getJsonArray("vehicles").stream())
        .map(v -> ((JsonObject) v).getString("vehicleId"))
        .filteredOn(id -> id.startsWith(prefix))
        .containsExactlyInAnyOrderElementsOf(vehicles);
  }

  private static Settings settings(LocalStack stack, String app, Path stateDir) {
    return Settings.of(
        Map.of(
            CommonSettings.KAFKA_BOOTSTRAP_SERVERS,
            stack.bootstrapServers(),
            CommonSettings.SCHEMA_REGISTRY_URL,
            stack.schemaRegistryUrl(),
            ProcessorsConfig.PORT,
            "0",
            ProcessorsConfig.STATE_DIR,
            stateDir.toString(),
            ProcessorsConfig.APPLICATION_ID,
            app,
            ProcessorsConfig.COMMIT_INTERVAL,
            "100ms"));
  }

  private static void send(LocalStack stack, List<String> vehicles) throws Exception {
    try (KafkaProducer<String, VehicleEvent> producer =
        new KafkaProducer<>(
            KafkaClients.producerConfig(
                KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl()),
                "cluster-it"))) {
      for (String id : vehicles) {
        VehicleEvent event =
            new ChargingDay(id)
                .event(0)
                .number("tractionbattery-stateofcharge", 50, "percent", ChargingDay.at(0))
                .build();
        producer.send(new ProducerRecord<>(Topics.VEHICLE_EVENTS.name(), id, event)).get();
      }
    }
  }

  /** The vehicles this instance hosts itself (asked as a peer would ask). */
  private Set<String> local(int port, String prefix) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/vehicles?limit=500"))
                .header("X-Smartcar-Forwarded", "1")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Set<String> ids = new HashSet<>();
    if (r.statusCode() == 200) {
      new JsonObject(r.body()).getJsonArray("vehicles").forEach(id -> ids.add(((String) id)));
      ids.removeIf(id -> !id.startsWith(prefix));
    }
    return ids;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private JsonObject json(int port, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }
}
