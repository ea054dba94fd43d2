package io.smartcarpipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway killed with SIGKILL under webhook load and started again. Rule: every delivery it
 * answered 2xx is on the events topic; what it never answered (the connection broke or was refused)
 * Smartcar delivers again, so nothing is lost.
 */
@ExtendWith(LocalStackExtension.class)
class GatewayKillIT {

  @Test
  void everyDeliveryAnswered2xxBeforeOrAfterTheKillIsOnKafka(LocalStack stack) {
    try (ServiceJvm gateway =
        GatewayJvm.of(stack.bootstrapServers(), stack.schemaRegistryUrl(), Map.of())) {
      gateway.startAndAwaitReady();
      Set<String> onKafka = new HashSet<>();
      try (TopicReader<VehicleEvent> events =
              new TopicReader<>(
                  stack.bootstrapServers(), stack.schemaRegistryUrl(), Topics.VEHICLE_EVENTS);
          WebhookFirehose load = new WebhookFirehose(GatewayJvm.TOKEN, gateway.port(), 4, 50)) {
        // given deliveries flowing
        await().atMost(Duration.ofSeconds(60)).until(() -> load.acceptedEventIds().size() >= 300);

        // when the gateway is killed mid-load and started again
        long killedAt = System.nanoTime();
        gateway.kill();
        // answers the dead JVM had already written may still be read now: count from the restart
        long restartingAt = System.nanoTime();
        Duration readyAfter = gateway.startAndAwaitReady();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> load.count(o -> o.accepted() && o.answeredNanos() > killedAt) >= 300);
        load.close();

        // then every 2xx is on the topic, and every other answer was "retry" (503 or none)
        List<String> accepted = load.acceptedEventIds();
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  events.poll().forEach(e -> onKafka.add(e.getEventId()));
                  return onKafka.containsAll(accepted);
                });
        Map<Integer, Long> statuses = load.statusCounts();
        new Figures("gateway-kill")
            .put("deliveries", load.outcomes().size())
            .put("accepted_2xx", accepted.size())
            .put("lost", accepted.stream().filter(id -> !onKafka.contains(id)).count())
            .put("no_answer", statuses.getOrDefault(0, 0L))
            .put("answered_503", statuses.getOrDefault(503, 0L))
            .seconds("restart_to_ready", readyAfter)
            .seconds(
                "kill_to_first_2xx",
                Duration.ofNanos(restartingAt - killedAt + load.firstAcceptedAfter(restartingAt)))
            .report();
        assertThat(statuses.keySet()).allSatisfy(s -> assertThat(s).isIn(0, 200, 202, 503));
      }
    }
  }
}
