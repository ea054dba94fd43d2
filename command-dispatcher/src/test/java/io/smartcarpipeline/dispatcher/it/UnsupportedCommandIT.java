package io.smartcarpipeline.dispatcher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.dispatcher.CommandProducer;
import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.events.Capability;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.Compatibility;
import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.api.LoggedRequest;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.smartcarpipeline.support.kafka.TopicCreator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A command the vehicle is known not to support is REJECTED without a call: the real broker and
 * registry, the dispatcher as it runs, fleet-sync's connections topic (created after the dispatcher
 * started, as when fleet-sync comes up later) and the Smartcar stand-in counting calls.
 */
@ExtendWith(LocalStackExtension.class)
class UnsupportedCommandIT {

  private static final String VEHICLE = "unsupported-0";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldRejectAKnownUnsupportedCommandWithoutCallingSmartcarAndSendTheOthers(LocalStack stack)
      throws Exception {
    // given a dispatcher started while no fleet-sync has created the connections topic
    try (DispatcherFixture it =
        DispatcherFixture.start(
            stack,
            11,
            "dispatcher-unsupported-it",
            Map.of("DISPATCHER_VEHICLE_SPACING", "0s", "DISPATCHER_SHUTDOWN_GRACE", "5s"))) {
      SmartcarApiSim sim = it.sim();
      DispatcherApp dispatcher = it.dispatcher();
      sim.vehicles().add(sim.vehicles().builder(VEHICLE, "user-" + VEHICLE).build());
      await().atMost(Duration.ofSeconds(30)).until(() -> ready(dispatcher.port()) == 200);
      assertThat(knownUnsupported(dispatcher.port())).isZero();

      // and fleet-sync's record saying the vehicle does not support SET_DESTINATION
      publishConnection(stack);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> knownUnsupported(dispatcher.port()) == 1.0);

      // when it gets SET_DESTINATION, then LOCK
      CommandRequest destination =
          CommandProducer.request(
              CommandType.SET_DESTINATION, VEHICLE, "user-" + VEHICLE, null, 52.5, 13.4, null);
      CommandRequest lock =
          CommandProducer.request(
              CommandType.LOCK, VEHICLE, "user-" + VEHICLE, null, null, null, null);
      it.producer().send(destination);
      it.producer().send(lock);
      Map<String, List<CommandResult>> byId =
          it.awaitResults(List.of(destination.getCommandId(), lock.getCommandId()));

      // then SET_DESTINATION is REJECTED unsent, naming the vehicle and where to check
      CommandResult rejected = byId.get(destination.getCommandId()).get(0);
      assertThat(rejected.getStatus()).isEqualTo(CommandStatus.REJECTED);
      assertThat(rejected.getErrorCode()).isEqualTo("COMMAND_NOT_SUPPORTED");
      assertThat(rejected.getAttempts()).isZero();
      assertThat(rejected.getMessage())
          .contains("JAGUAR I-PACE 2021")
          .contains("bin/smartcar-pipeline compatibility --vehicle " + VEHICLE);
      // and LOCK is sent and succeeds
      assertThat(byId.get(lock.getCommandId()).get(0).getStatus())
          .isEqualTo(CommandStatus.SUCCEEDED);
      // and the stand-in saw the lock only: no call for the destination
      assertThat(sim.requests().find(VEHICLE, null))
          .extracting(LoggedRequest::command)
          .containsOnly("security-lock")
          .doesNotContain("navigation-set-destination");
    }
  }

  private static void publishConnection(LocalStack stack) throws Exception {
    KafkaClientSettings kafka =
        KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl());
    try (Admin admin =
        Admin.create(KafkaClients.adminConfig(kafka, "it-admin", Duration.ofSeconds(30)))) {
      TopicCreator.ensureTopics(admin, List.of(Topics.CONNECTIONS), 1, Duration.ofSeconds(30));
    }
    Instant now = Instant.now();
    VehicleConnection record =
        VehicleConnection.newBuilder()
            .setVehicleId(VEHICLE)
            .setUserId("user-" + VEHICLE)
            .setMake("JAGUAR")
            .setModel("I-PACE")
            .setYear(2021)
            .setStatus(ConnectionStatus.CONNECTED)
            .setLastSyncedAt(now)
            .setCompatibility(
                new Compatibility(
                    now,
                    "US",
                    List.of(),
                    List.of(
                        new Capability("SET_DESTINATION", false),
                        new Capability("LOCK", true),
                        new Capability("START_CHARGE", null))))
            .build();
    try (KafkaProducer<String, VehicleConnection> producer =
        new KafkaProducer<>(KafkaClients.producerConfig(kafka, "it-fleet-sync"))) {
      producer.send(new ProducerRecord<>(Topics.CONNECTIONS.name(), VEHICLE, record)).get();
    }
  }

  private static int ready(int port) throws Exception {
    return get(port, "/health/ready").statusCode();
  }

  /** The value of dispatcher_known_unsupported_commands on /metrics. */
  private static double knownUnsupported(int port) throws Exception {
    return get(port, "/metrics")
        .body()
        .lines()
        .filter(l -> l.startsWith("dispatcher_known_unsupported_commands"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
