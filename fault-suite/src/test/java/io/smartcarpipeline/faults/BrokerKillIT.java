package io.smartcarpipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker killed with SIGKILL under webhook load and started again (same port, same data dir,
 * log recovery), broker and gateway each in a JVM of its own ({@link BrokerMain}; the registry is
 * the shared stack's). Rule: every 2xx is on the topic, the gap is answered 503 (never 200, never
 * another 5xx), and 2xx come back within {@link #RECOVERY_BOUND} of the broker listening again,
 * without restarting the gateway.
 */
@ExtendWith(LocalStackExtension.class)
class BrokerKillIT {

  static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);

  @Test
  void everyDeliveryAnswered2xxIsOnKafkaAndTheOutageIsAnswered503(LocalStack stack)
      throws IOException {
    Path dataDir = Files.createTempDirectory("fault-broker-");
    int kafkaPort = ServiceJvm.freePort();
    String bootstrap = "localhost:" + kafkaPort;
    try (ServiceJvm broker =
            ServiceJvm.withArgs(
                BrokerMain.class, List.of(String.valueOf(kafkaPort), dataDir.toString()));
        ServiceJvm gateway =
            GatewayJvm.of(
                bootstrap,
                stack.schemaRegistryUrl(),
                Map.of(
                    "GATEWAY_PRODUCE_TIMEOUT", "2s",
                    "GATEWAY_READINESS_INTERVAL", "500ms",
                    "TOPIC_PARTITIONS", "1"))) {
      broker.startAndAwait(() -> listening(broker) == 1);
      gateway.startAndAwaitReady();
      List<String> accepted;
      Map<Integer, Long> statuses;
      long recoveryNanos;
      Duration downFor;
      Duration brokerStart;
      long acceptedWhileDown;
      try (WebhookFirehose load = new WebhookFirehose(GatewayJvm.TOKEN, gateway.port(), 4, 50)) {
        // given deliveries flowing
        await().atMost(Duration.ofSeconds(60)).until(() -> load.acceptedEventIds().size() >= 300);

        // when the broker goes away for a while and comes back
        long stoppingAt = System.nanoTime();
        broker.kill();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> load.count(o -> o.status() == 503 && o.answeredNanos() > stoppingAt) >= 400);
        long startingAt = System.nanoTime();
        brokerStart = broker.startAndAwait(() -> listening(broker) == 2);
        long listeningAt = System.nanoTime();
        downFor = Duration.ofNanos(listeningAt - stoppingAt);
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> load.count(o -> o.accepted() && o.answeredNanos() > listeningAt) >= 300);
        load.close();
        recoveryNanos = load.firstAcceptedAfter(listeningAt);
        acceptedWhileDown =
            load.count(
                o ->
                    o.accepted()
                        && o.answeredNanos() > stoppingAt
                        && o.answeredNanos() < startingAt);
        accepted = load.acceptedEventIds();
        statuses = load.statusCounts();
      }

      // then every 2xx is on the topic, the rest was 503, and 2xx came back within the bound
      Set<String> onKafka = new HashSet<>();
      try (TopicReader<VehicleEvent> events =
          new TopicReader<>(bootstrap, stack.schemaRegistryUrl(), Topics.VEHICLE_EVENTS)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  events.poll().forEach(e -> onKafka.add(e.getEventId()));
                  return onKafka.containsAll(accepted);
                });
      }
      new Figures("broker-kill")
          .put("deliveries", statuses.values().stream().mapToLong(Long::longValue).sum())
          .put("accepted_2xx", accepted.size())
          .put("lost", accepted.stream().filter(id -> !onKafka.contains(id)).count())
          .put("accepted_while_down", acceptedWhileDown)
          .put("answered_503", statuses.getOrDefault(503, 0L))
          .put("no_answer", statuses.getOrDefault(0, 0L))
          .seconds("broker_down", downFor)
          .seconds("broker_restart_to_listening", brokerStart)
          .seconds("listening_to_first_2xx", Duration.ofNanos(recoveryNanos))
          .report();
      assertThat(statuses.keySet()).allSatisfy(s -> assertThat(s).isIn(200, 202, 503));
      assertThat(Duration.ofNanos(recoveryNanos)).isLessThan(RECOVERY_BOUND);
    } finally {
      TempDirs.deleteRecursively(dataDir);
    }
  }

  /** How many times the broker JVM said it listens (its log survives restarts). */
  private static long listening(ServiceJvm broker) throws IOException {
    return Files.readAllLines(broker.log()).stream()
        .filter(l -> l.startsWith("broker_listening"))
        .count();
  }
}
