package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.EventSource;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.launcher.demo.Demo;
import io.smartcarpipeline.launcher.demo.DemoRun;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.sim.fleet.FleetLedger;
import io.smartcarpipeline.sim.fleet.LedgerEvent;
import io.smartcarpipeline.sim.fleet.RunningFleet;
import io.smartcarpipeline.sim.fleet.VehicleProfile;
import io.smartcarpipeline.support.config.BindAddress;
import io.smartcarpipeline.support.testing.ListeningSockets;
import io.vertx.core.json.JsonObject;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole demo in-process (embedded broker and registry, gateway, stream processors, dispatcher,
 * fleet-sync, Smartcar stand-in, simulated fleet, example orchestrator), eight vehicles living ten
 * simulated hours in about a minute, then checked from the outside against the fleet's ledger:
 * topics read with a plain consumer, state and sessions through the query API. The fleet is paused
 * and its deliveries drained, and the processors have committed every event, before anything is
 * compared.
 *
 * <p>fleet-sync runs as users run it: it reconciles the webhook's subscriptions (the stand-in
 * auto-enrolls the fleet) and gap-fills with API reads. So the pipeline sees the webhooks the sim
 * sent plus {@code API_READ} events. The sim withholds no webhook (every vehicle stays subscribed)
 * and drops none, so a read can only repeat what a webhook carried: each read signal has the {@code
 * oemUpdatedAt} of an accepted webhook's (the sim moves it exactly when the value changes). State
 * is therefore compared with the accepted webhooks, sessions with the sim's truth.
 */
class DemoEndToEndIT {

  private static final Logger LOG = LoggerFactory.getLogger(DemoEndToEndIT.class);
  private static final int VEHICLES = 8; // veh-0001, veh-0005 start plugged in at home, idle
  private static final double TIME_FACTOR = 600;
  private static final Duration SIMULATED_RUN = Duration.ofHours(10); // every first plug-in ends
  private static final Duration REAL_RUN = Duration.ofSeconds(60);
  private static final long SEED = 7;
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  @TempDir static Path dataDir;
  private static Demo demo;
  private static FleetLedger ledger;
  private static List<String> vehicleIds;
  private static QueryApiClient api;
  private static long unsubscribedEvents;

  /** Every log event of this JVM while the demo runs. */
  private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();

  @BeforeAll
  static void runTheDemoForTenSimulatedHours() {
    LOGGED.start();
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .addAppender(LOGGED);
    long started = System.nanoTime();
    demo =
        Demo.start(
            new Demo.Options(
                VEHICLES, dataDir, true, TIME_FACTOR, REAL_RUN, SEED, BindAddress.LOOPBACK));
    RunningFleet fleet = demo.fleet();
    Instant simulatedStart = fleet.simulatedNow();
    LOG.info("e2e_demo_started seconds={}", (System.nanoTime() - started) / 1e9);
    await("ten simulated hours")
        .atMost(REAL_RUN.multipliedBy(2))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> !fleet.simulatedNow().isBefore(simulatedStart.plus(SIMULATED_RUN)));
    fleet.pause(true);
    await("deliveries drained")
        .atMost(Duration.ofSeconds(30))
        .until(() -> fleet.stats().pending() == 0);
    String processors = ProcessorsConfig.defaults().get(ProcessorsConfig.APPLICATION_ID);
    await("processors caught up")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> TopicReader.lag(bootstrap(), Topics.VEHICLE_EVENTS, processors) == 0);
    ledger = fleet.ledger();
    unsubscribedEvents = fleet.unsubscribedEvents();
    vehicleIds = fleet.profiles().stream().map(VehicleProfile::vehicleId).toList();
    api = new QueryApiClient(demo.queryPort());
    LOG.info(
        "e2e_fleet_paused seconds={} {} unsubscribed_events={}",
        (System.nanoTime() - started) / 1e9,
        fleet.stats().summary(),
        unsubscribedEvents);
  }

  @AfterAll
  static void stopTheDemo() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .detachAppender(LOGGED);
    if (demo != null) {
      demo.close();
    }
  }

  /**
   * Secure by default: every port the demo opens (broker, registry, gateway, query API, dispatcher,
   * Smartcar stand-in) listens on the loopback interface only, and nothing else in this JVM listens
   * on every interface.
   */
  @Test
  void shouldListenOnThisMachineOnly() {
    assumeTrue(ListeningSockets.available(), "needs Linux's /proc/net/tcp");
    List<Integer> demoPorts =
        List.of(
            port(bootstrap()),
            port(demo.stack().schemaRegistryUrl()),
            demo.gatewayPort(),
            demo.queryPort(),
            demo.dispatcherPort(),
            demo.fleetSyncPort(),
            demo.sim().port());
    List<ListeningSockets.Listener> listeners = ListeningSockets.ofThisProcess();
    LOG.info("e2e_listeners {}", listeners);

    assertThat(listeners.stream().map(ListeningSockets.Listener::port))
        .as("the demo's ports are found listening")
        .containsAll(demoPorts);
    assertThat(listeners)
        .as("every listening socket of this JVM is on loopback")
        .allSatisfy(l -> assertThat(l.address().isLoopbackAddress()).as(l.toString()).isTrue());
  }

  /**
   * The demo's generated secrets (in its data directory) appear in none of its output: the banner,
   * the log, health, metrics and error answers of every HTTP port.
   */
  @Test
  void shouldShowNoneOfItsGeneratedSecrets() throws Exception {
    Properties secrets = new Properties();
    try (Reader r = Files.newBufferedReader(dataDir.resolve("demo-secrets.properties"))) {
      secrets.load(r);
    }
    List<String> values =
        List.of(
            secrets.getProperty("SMARTCAR_MANAGEMENT_TOKEN"),
            secrets.getProperty("SMARTCAR_CLIENT_SECRET"));
    assertThat(values).allSatisfy(v -> assertThat(v).hasSizeGreaterThan(16));
    StringBuilder emitted = new StringBuilder(DemoRun.banner(demo, 1.0, dataDir.resolve("x.log")));
    List.copyOf(LOGGED.list).forEach(e -> emitted.append(e.getFormattedMessage()).append('\n'));
    HttpClient http = HttpClient.newHttpClient();
    for (int p :
        List.of(
            demo.gatewayPort(), demo.queryPort(), demo.dispatcherPort(), demo.fleetSyncPort())) {
      for (String path : List.of("/health/live", "/health/ready", "/metrics", "/nope")) {
        emitted.append(
            http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + p + path)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
      }
    }

    assertThat(emitted.toString()).contains("127.0.0.1 only").doesNotContain(values);
  }

  private static int port(String hostPortOrUrl) {
    return Integer.parseInt(hostPortOrUrl.replaceAll(".*:(\\d+).*", "$1"));
  }

  /**
   * fleet-sync keeps every vehicle subscribed (the stand-in auto-enrolled the fleet while
   * fleet-sync's first sync ran: a reconcile that listed the connections before the subscriptions
   * unsubscribed vehicles connected in between, and the sim withheld their webhooks), and its API
   * reads report nothing the webhooks did not.
   */
  @Test
  void shouldWithholdNoWebhookAndReadOnlyWhatTheWebhooksCarried() {
    // given
    Map<String, Set<String>> sent = new HashMap<>(); // vehicle → code@oemUpdatedAt
    ledger
        .acceptedEvents()
        .forEach(
            e ->
                e.oemUpdatedAt()
                    .forEach(
                        (code, at) ->
                            sent.computeIfAbsent(e.vehicleId(), k -> new HashSet<>())
                                .add(code + "@" + at)));
    // when
    List<VehicleEvent> reads = new ArrayList<>();
    read(
        Topics.VEHICLE_EVENTS,
        r -> {
          if (r.value().getSource() == EventSource.API_READ) {
            reads.add(r.value());
          }
        });
    // then
    assertThat(unsubscribedEvents).as("events the sim withheld (vehicle not subscribed)").isZero();
    List<String> unsent = new ArrayList<>();
    int readSignals = 0;
    for (VehicleEvent read : reads) {
      for (Signal s : read.getSignals()) {
        if (s.getValue() == null || s.getOemUpdatedAt() == null) {
          continue;
        }
        long at = s.getOemUpdatedAt().toEpochMilli();
        if (at <= 0) {
          continue; // static (the VIN)
        }
        readSignals++;
        String key = s.getCode() + "@" + at;
        if (!sent.getOrDefault(read.getVehicleId(), Set.of()).contains(key)) {
          unsent.add(read.getVehicleId() + " " + key + " (read " + read.getEventId() + ")");
        }
      }
    }
    assertThat(unsent).as("read values no accepted webhook carried").isEmpty();
    LOG.info("e2e_reads api_reads={} read_signals_compared={}", reads.size(), readSignals);
  }

  @Test
  void shouldCarryEveryAcceptedWebhookToTheSignalsTopicExactlyOnce() {
    // given: every event the gateway answered 2xx for
    Map<String, LedgerEvent> accepted = new HashMap<>();
    ledger.acceptedEvents().forEach(e -> accepted.put(e.eventId(), e));
    // when: the webhooks' events (fleet-sync's API reads are checked above)
    Map<String, Integer> copies = new HashMap<>();
    Map<String, Integer> readSignalCounts = new HashMap<>();
    read(
        Topics.VEHICLE_EVENTS,
        r -> {
          if (r.value().getSource() == EventSource.API_READ) {
            readSignalCounts.put(r.value().getEventId(), r.value().getSignals().size());
          } else {
            copies.merge(r.value().getEventId(), 1, Integer::sum);
          }
        });
    Map<String, List<String>> signals = new HashMap<>();
    long signalRecords =
        read(
            Topics.SIGNALS,
            r ->
                signals
                    .computeIfAbsent(r.value().getEventId(), k -> new ArrayList<>())
                    .add(r.value().getSource() + ":" + r.value().getCode()));
    List<String> deadLetters = new ArrayList<>();
    read(
        Topics.DEAD_LETTERS,
        r -> deadLetters.add(r.value().getReason() + " " + r.value().getMessage()));
    // then
    assertThat(accepted).isNotEmpty();
    assertThat(copies.keySet()).as("eventIds on the events topic").containsAll(accepted.keySet());
    assertThat(ledger.generatedEventIds())
        .as("events the sim generated")
        .containsAll(copies.keySet());
    Map<String, Integer> readSignalRecords = new HashMap<>();
    readSignalCounts
        .keySet()
        .forEach(id -> readSignalRecords.put(id, signals.getOrDefault(id, List.of()).size()));
    assertThat(readSignalRecords)
        .as("one signal record per signal of each API read")
        .isEqualTo(readSignalCounts);
    signals.keySet().removeAll(readSignalCounts.keySet());
    assertThat(signals.keySet()).as("eventIds on the signals topic").isEqualTo(accepted.keySet());
    List<String> wrong = new ArrayList<>();
    accepted.forEach(
        (id, e) -> {
          List<String> expected = LedgerExpectations.signalRecords(e);
          List<String> actual = signals.get(id).stream().sorted().toList();
          if (!actual.equals(expected)) {
            wrong.add(id + " " + e.eventType() + ": " + actual + " != " + expected);
          }
        });
    assertThat(wrong).as("events whose signals are missing or repeated").isEmpty();
    assertThat(deadLetters).as("dead letters").isEmpty();
    LOG.info(
        "e2e_events accepted={} on_events_topic={} delivered_more_than_once={} signal_records={}",
        accepted.size(),
        copies.values().stream().mapToInt(Integer::intValue).sum(),
        copies.values().stream().filter(n -> n > 1).count(),
        signalRecords);
  }

  @Test
  void shouldServeEachVehiclesLatestAcceptedValuesAsItsState() {
    // given
    assertThat(api.vehicleIds()).containsExactlyInAnyOrderElementsOf(vehicleIds);
    int[] compared = {0};
    int[] openErrors = {0};
    // then: the state catches up with the last accepted events
    await("state equals the sim's latest accepted values")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<String> differences = new ArrayList<>();
              compared[0] = 0;
              openErrors[0] = 0;
              for (String id : vehicleIds) {
                Map<String, Object> values = ledger.latestAcceptedValues(id);
                Set<String> open = LedgerExpectations.neverResolvedErrors(ledger, id);
                differences.addAll(StateMatch.vehicle(id, values, open, api.state(id)));
                compared[0] += values.size();
                openErrors[0] += open.size();
              }
              assertThat(differences).isEmpty();
            });
    LOG.info(
        "e2e_state vehicles={} signal_values_compared={} open_errors_compared={}",
        vehicleIds.size(),
        compared[0],
        openErrors[0]);
  }

  @Test
  void shouldRecordEveryChargingSessionWithTheEnergyTheSimDelivered() {
    // given
    Map<String, ChargingSession> newest = new HashMap<>();
    read(
        Topics.CHARGING_SESSIONS,
        r ->
            newest.merge(
                r.value().getSessionId(),
                r.value(),
                (a, b) -> b.getRevision() > a.getRevision() ? b : a));
    Map<String, List<ChargingSession>> pipeline =
        newest.values().stream().collect(Collectors.groupingBy(ChargingSession::getVehicleId));
    // when
    SessionComparison c = SessionComparison.of(ledger.sessions(), pipeline);
    // then
    Set<String> charged = new HashSet<>();
    ledger
        .sessions()
        .forEach(
            (id, sessions) -> {
              if (sessions.stream().anyMatch(s -> "COMPLETED".equals(s.status()))) {
                charged.add(id);
              }
            });
    assertThat(charged).as("vehicles with a completed session").isNotEmpty();
    assertThat(c.problems).isEmpty();
    for (SessionComparison.Compared one : c.compared) {
      JsonObject served = servedSession(one.session());
      assertThat(served.getDouble("energyKwh")).isEqualTo(one.session().getEnergyKwh());
      assertThat(served.getInteger("revision")).isEqualTo(one.session().getRevision());
      LOG.info("e2e_session {}", one);
    }
    LOG.info(
        "e2e_sessions vehicles_charged={} compared={} pipeline_sessions={}",
        charged.size(),
        c.compared.size(),
        newest.size());
  }

  @Test
  void shouldAnswerEveryCommandWithExactlyOneResult() {
    // given: the orchestrator's commands (it may still act on the last states: read them again)
    Map<String, Integer> requests = new HashMap<>();
    Map<String, List<CommandResult>> results = new HashMap<>();
    // when: the dispatcher has answered them all (a car found asleep is retried a minute later)
    await("a result for every command")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              requests.clear();
              results.clear();
              read(Topics.COMMANDS, r -> requests.merge(r.value().getCommandId(), 1, Integer::sum));
              read(
                  Topics.COMMAND_RESULTS,
                  r ->
                      results
                          .computeIfAbsent(r.value().getCommandId(), k -> new ArrayList<>())
                          .add(r.value()));
              assertThat((long) requests.size()).isEqualTo(demo.orchestrator().commandsSent());
              assertThat(results.keySet()).containsAll(requests.keySet());
            });
    // then
    assertThat(requests).as("commands sent by the orchestrator").isNotEmpty();
    assertThat(requests.values()).as("copies of each command").containsOnly(1);
    assertThat(results.keySet()).as("results for unknown commands").isEqualTo(requests.keySet());
    Map<String, Integer> repeated = new TreeMap<>();
    results.forEach(
        (id, list) -> {
          if (list.size() != 1) {
            repeated.put(id, list.size());
          }
        });
    assertThat(repeated).as("commands with more than one result").isEmpty();
    Map<String, Long> outcomes =
        results.values().stream()
            .map(l -> l.get(0))
            .collect(
                Collectors.groupingBy(
                    r -> r.getType() + ":" + r.getStatus(), TreeMap::new, Collectors.counting()));
    LOG.info("e2e_commands commands={} results={}", requests.size(), outcomes);
  }

  private static JsonObject servedSession(ChargingSession s) {
    for (Object o : api.sessions(s.getVehicleId(), 100)) {
      JsonObject served = (JsonObject) o;
      if (s.getSessionId().equals(served.getString("sessionId"))) {
        return served;
      }
    }
    throw new AssertionError("query API does not serve session " + s.getSessionId());
  }

  private static <V extends SpecificRecord> long read(
      TopicSpec<V> topic, Consumer<ConsumerRecord<String, V>> sink) {
    return TopicReader.readAll(
        bootstrap(), demo.stack().schemaRegistryUrl(), topic, READ_TIMEOUT, sink);
  }

  private static String bootstrap() {
    return demo.stack().bootstrapServers();
  }
}
