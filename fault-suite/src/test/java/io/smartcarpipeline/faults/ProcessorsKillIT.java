package io.smartcarpipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.events.SignalEvent;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.localstack.EmbeddedKafkaBroker;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.processors.ProcessorsApp;
import io.smartcarpipeline.processors.domain.SignalEvents;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stream processors killed with SIGKILL mid-stream, every event delivered twice (Smartcar
 * retries), and started again with their state directory kept or deleted. Rule: no (eventId,
 * signal) twice on the signals topic, none missing, and each vehicle's charging session as it would
 * be without the crash: one session, {@link ChargingEvents#ENERGY_KWH}, no revision twice. A broker
 * of its own, so the processors read only this test's events.
 */
@ExtendWith(LocalStackExtension.class)
class ProcessorsKillIT {

  private static final int VEHICLES = 8;

  private static EmbeddedKafkaBroker broker;
  private static String registryUrl;

  @BeforeAll
  static void startBroker(LocalStack stack) {
    broker = EmbeddedKafkaBroker.builder().port(0).build();
    broker.start();
    registryUrl = stack.schemaRegistryUrl();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @ParameterizedTest(name = "state {0}")
  @ValueSource(strings = {"kept", "deleted"})
  void aKilledProcessorRepeatsNoSignalAndKeepsSessions(String state) throws IOException {
    Path stateDir = Files.createTempDirectory("fault-processors-state-");
    String run = state + "-" + Long.toString(System.nanoTime(), 36);
    try (ServiceJvm processors = processors(run, stateDir)) {
      processors.startAndAwaitReady(); // creates the topics

      // given each vehicle's charging session, every event delivered twice
      Map<String, List<VehicleEvent>> sessions = new HashMap<>();
      for (int v = 0; v < VEHICLES; v++) {
        String vehicle = "fault-proc-" + run + "-" + v;
        sessions.put(vehicle, ChargingEvents.session(vehicle));
      }
      Set<String> vehicles = sessions.keySet();
      int expectedSignals =
          sessions.values().stream()
              .flatMap(List::stream)
              .mapToInt(e -> SignalEvents.from(e).size())
              .sum();
      int half = ChargingEvents.STEPS / 2;
      try (KafkaProducer<String, VehicleEvent> producer = producer();
          TopicReader<SignalEvent> signals =
              new TopicReader<>(broker.bootstrapServers(), registryUrl, Topics.SIGNALS);
          TopicReader<ChargingSession> sessionRecords =
              new TopicReader<>(broker.bootstrapServers(), registryUrl, Topics.CHARGING_SESSIONS)) {
        sendTwice(producer, sessions, 0, half);

        // when the processors are killed once the first signals are out, and the rest arrives
        // while they are down
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> ours(signals.poll(), vehicles).size() > 0);
        int signalsBeforeKill = ours(signals.poll(), vehicles).size();
        processors.kill();
        if (state.equals("deleted")) {
          TempDirs.deleteRecursively(stateDir);
        }
        sendTwice(producer, sessions, half, ChargingEvents.STEPS + 1);
        Duration readyAfter = processors.startAndAwaitReady();
        long readyAt = System.nanoTime();

        // then every signal is there once, and every session ends as without the crash
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    ours(signals.poll(), vehicles).size() >= expectedSignals
                        && ended(sessionRecords.poll(), vehicles).size() >= VEHICLES);
        Duration caughtUpAfter = Duration.ofNanos(System.nanoTime() - readyAt);
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(10))
            .until(() -> ours(signals.poll(), vehicles).size() == expectedSignals);
        List<SignalEvent> ourSignals = ours(signals.poll(), vehicles);
        List<ChargingSession> ourSessions =
            sessionRecords.poll().stream()
                .filter(s -> vehicles.contains(s.getVehicleId()))
                .toList();
        long doubleSignals = ourSignals.size() - distinctKeys(ourSignals);
        long doubleRevisions =
            ourSessions.size()
                - ourSessions.stream()
                    .map(s -> s.getSessionId() + "/" + s.getRevision())
                    .distinct()
                    .count();
        new Figures("processors-kill-state-" + state)
            .put("events", sessions.values().stream().mapToInt(List::size).sum() * 2)
            .put("signals_before_kill", signalsBeforeKill)
            .put("signals", ourSignals.size() + "/" + expectedSignals)
            .put("duplicate_signals", doubleSignals)
            .put("duplicate_session_revisions", doubleRevisions)
            .put("sessions_ended", ended(ourSessions, vehicles).size())
            .seconds("restart_to_ready", readyAfter)
            .seconds("ready_to_caught_up", caughtUpAfter)
            .report();
        assertThat(doubleSignals).as("(eventId, signal) pairs written twice").isZero();
        assertThat(ourSignals).hasSize(expectedSignals);
        assertThat(doubleRevisions).as("session revisions written twice").isZero();
        for (String vehicle : vehicles) {
          List<ChargingSession> of =
              ourSessions.stream().filter(s -> s.getVehicleId().equals(vehicle)).toList();
          assertThat(of.stream().map(ChargingSession::getSessionId).distinct()).hasSize(1);
          ChargingSession last =
              of.stream().max(Comparator.comparing(ChargingSession::getRevision)).orElseThrow();
          assertThat(last.getStatus()).isNotEqualTo(SessionStatus.ACTIVE);
          assertThat(last.getEnergyKwh()).isEqualTo(ChargingEvents.ENERGY_KWH);
          assertThat(last.getSegments()).isEqualTo(1);
        }
      }
    } finally {
      TempDirs.deleteRecursively(stateDir);
    }
  }

  private static ServiceJvm processors(String run, Path stateDir) {
    int port = ServiceJvm.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", registryUrl);
    env.put("TOPIC_PARTITIONS", "2");
    env.put("PROCESSORS_PORT", String.valueOf(port));
    env.put("PROCESSORS_STATE_DIR", stateDir.toString());
    env.put("PROCESSORS_APPLICATION_ID", "fault-processors-" + run);
    // static membership, as a StatefulSet would run it: the restarted instance takes its tasks
    // back at once instead of waiting out the dead member's session (45 s by default)
    env.put("PROCESSORS_INSTANCE_ID", "fault-processors-" + run);
    return ServiceJvm.of(ProcessorsApp.class, env, port);
  }

  private static KafkaProducer<String, VehicleEvent> producer() {
    return new KafkaProducer<>(
        KafkaClients.producerConfig(
            KafkaClientSettings.plain(broker.bootstrapServers(), registryUrl), "fault-suite"));
  }

  /** Events {@code from} (inclusive) to {@code to} of each session, each one twice. */
  private static void sendTwice(
      KafkaProducer<String, VehicleEvent> producer,
      Map<String, List<VehicleEvent>> sessions,
      int from,
      int to) {
    for (List<VehicleEvent> events : sessions.values()) {
      for (VehicleEvent e : events.subList(from, Math.min(to, events.size()))) {
        for (int copy = 0; copy < 2; copy++) {
          producer.send(new ProducerRecord<>(Topics.VEHICLE_EVENTS.name(), e.getVehicleId(), e));
        }
      }
    }
    producer.flush();
  }

  private static List<SignalEvent> ours(List<SignalEvent> all, Set<String> vehicles) {
    return all.stream().filter(s -> vehicles.contains(s.getVehicleId())).toList();
  }

  private static long distinctKeys(List<SignalEvent> signals) {
    return signals.stream().map(s -> s.getEventId() + "/" + s.getCode()).distinct().count();
  }

  private static Map<String, ChargingSession> ended(
      List<ChargingSession> all, Set<String> vehicles) {
    return all.stream()
        .filter(s -> vehicles.contains(s.getVehicleId()) && s.getStatus() != SessionStatus.ACTIVE)
        .collect(Collectors.toMap(ChargingSession::getVehicleId, s -> s, (a, b) -> b));
  }
}
