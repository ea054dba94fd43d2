package io.smartcarpipeline.dispatcher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.dispatcher.CommandProducer;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.api.LoggedRequest;
import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.fault.FaultRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dispatcher against the real embedded broker and registry and the Smartcar stand-in with
 * faults on. One dispatcher consumer group for the class; each test uses its own vehicles.
 */
@ExtendWith(LocalStackExtension.class)
class CommandDispatcherIT {

  private static final Duration RESULT_WAIT = DispatcherFixture.RESULT_WAIT;

  private static DispatcherFixture it;
  private static SmartcarApiSim sim;
  private static CommandProducer producer;
  private static ResultCollector results;

  @BeforeAll
  static void startAll(LocalStack stack) {
    it =
        DispatcherFixture.start(
            stack,
            7,
            "dispatcher-it",
            Map.ofEntries(
                Map.entry("DISPATCHER_RETRY_MAX_ATTEMPTS", "10"),
                Map.entry("DISPATCHER_RETRY_INITIAL_BACKOFF", "20ms"),
                Map.entry("DISPATCHER_RETRY_MAX_BACKOFF", "200ms"),
                Map.entry("DISPATCHER_RETRY_VEHICLE_SCHEDULE", "200ms"),
                Map.entry("DISPATCHER_RATE_BUCKET_CAPACITY", "1000"),
                Map.entry("DISPATCHER_RATE_REFILL_PER_MINUTE", "60000"),
                Map.entry("DISPATCHER_VEHICLE_SPACING", "0s"),
                Map.entry("DISPATCHER_BREAKER_MIN_CALLS", "20"),
                Map.entry("DISPATCHER_BREAKER_FAILURE_RATE", "0.9"),
                Map.entry("DISPATCHER_BREAKER_OPEN_FOR", "500ms"),
                Map.entry("DISPATCHER_SHUTDOWN_GRACE", "10s"),
                Map.entry("DISPATCHER_STATE_READ_DELAY", "200ms"),
                Map.entry("TOPIC_PARTITIONS", "3")));
    sim = it.sim();
    producer = it.producer();
    results = it.results();
  }

  @AfterAll
  static void stopAll() {
    it.close();
  }

  private static void addVehicle(String id) {
    it.addVehicle(id);
  }

  private static CommandRequest command(String vehicle, CommandType type, Integer percent) {
    Double lat = type == CommandType.SET_DESTINATION ? 52.5 : null;
    Double lon = type == CommandType.SET_DESTINATION ? 13.4 : null;
    return CommandProducer.request(type, vehicle, "user-" + vehicle, percent, lat, lon, null);
  }

  private static Map<String, List<CommandResult>> awaitResults(List<String> ids) {
    return it.awaitResults(ids);
  }

  /** The commands the sim saw for a vehicle, consecutive repeats (retries) collapsed. */
  private static List<String> commandSequence(String vehicle) {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : sim.requests().find(vehicle, null)) {
      if (out.isEmpty() || !out.get(out.size() - 1).equals(r.command())) {
        out.add(r.command());
      }
    }
    return out;
  }

  @Test
  void shouldGiveEveryCommandOneResultInVehicleOrderUnderFaults() {
    // given vehicles whose calls fail often: 500s, 502s, 429s, slow answers. (No dropped
    // connections: a drop is an ambiguous answer, which ends in a state read that the same faults
    // may fail, so FAILED/outcomeUnknown would be right; AmbiguousOutcomeIT covers those cases.)
    FaultProfile flaky =
        FaultProfile.none()
            .withServerErrors(0.15)
            .withUpstreamErrors(0.1)
            .withRateLimit(0.1, 1)
            .withLatency(0, 20);
    List<CommandType> sequence =
        List.of(
            CommandType.LOCK,
            CommandType.SET_CHARGE_LIMIT,
            CommandType.SET_DESTINATION,
            CommandType.STOP_CHARGING,
            CommandType.SET_CHARGE_LIMIT);
    List<String> ids = new ArrayList<>();
    FaultRules rules = FaultRules.none();
    for (int v = 0; v < 6; v++) {
      String vehicle = "order-" + v;
      addVehicle(vehicle);
      rules = rules.withVehicle(vehicle, flaky);
    }
    sim.setFaults(rules);

    // when each vehicle gets its sequence, interleaved across vehicles
    for (int i = 0; i < sequence.size(); i++) {
      for (int v = 0; v < 6; v++) {
        CommandRequest r = command("order-" + v, sequence.get(i), 60 + i);
        ids.add(r.getCommandId());
        producer.send(r);
      }
    }

    // then every command has exactly one result, and each vehicle saw its commands in order
    Map<String, List<CommandResult>> byId = awaitResults(ids);
    assertThat(byId.values()).allSatisfy(list -> assertThat(list).hasSize(1));
    assertThat(byId.values().stream().map(l -> l.get(0).getStatus()))
        .containsOnly(CommandStatus.SUCCEEDED);
    for (int v = 0; v < 6; v++) {
      assertThat(commandSequence("order-" + v))
          .containsExactly(
              "security-lock",
              "charge-set-limit",
              "navigation-set-destination",
              "charge-stop",
              "charge-set-limit");
      assertThat(sim.vehicles().require("order-" + v).snapshot().chargeLimit()).isEqualTo(64);
    }
    sim.setFaults(FaultRules.none());
  }

  @Test
  void shouldHonourRetryAfter() {
    // given a vehicle answering a third of its calls with 429 and Retry-After: 1
    String vehicle = "retry-after-0";
    addVehicle(vehicle);
    sim.setFaults(
        FaultRules.none().withVehicle(vehicle, FaultProfile.none().withRateLimit(0.35, 1)));
    List<String> ids = new ArrayList<>();

    // when it gets six commands
    for (int i = 0; i < 6; i++) {
      CommandRequest r = command(vehicle, i % 2 == 0 ? CommandType.LOCK : CommandType.UNLOCK, null);
      ids.add(r.getCommandId());
      producer.send(r);
    }
    awaitResults(ids);

    // then after every 429 the next call for the vehicle came at least one second later
    List<LoggedRequest> calls = sim.requests().find(vehicle, null);
    long limited = calls.stream().filter(c -> c.status() == 429).count();
    assertThat(limited).isPositive();
    for (int i = 0; i + 1 < calls.size(); i++) {
      if (calls.get(i).status() == 429) {
        assertThat(Duration.between(calls.get(i).time(), calls.get(i + 1).time()))
            .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      }
    }
    sim.setFaults(FaultRules.none());
  }

  @Test
  void shouldCallAndPublishOnceForAllDuplicatesOfACommandId() {
    // given a command that is put on the topic three times, and its id reused with other values
    String vehicle = "dup-0";
    addVehicle(vehicle);
    CommandRequest original = command(vehicle, CommandType.SET_CHARGE_LIMIT, 80);
    CommandRequest reused =
        CommandRequest.newBuilder(original)
            .setParameters(new io.smartcarpipeline.events.CommandParameters(90, null, null))
            .build();

    // when
    Optional<CommandResult> first = producer.sendAndWait(original, RESULT_WAIT);
    producer.send(original);
    producer.send(original);
    producer.send(reused);

    // then one call and one result; the reuse (after the copies, same vehicle, so handled last)
    // goes to the dead-letter topic instead of a second result
    try (TopicCollector<DeadLetter> deadLetters =
        new TopicCollector<>(
            it.stack().bootstrapServers(), it.stack().schemaRegistryUrl(), Topics.DEAD_LETTERS)) {
      await()
          .atMost(RESULT_WAIT)
          .until(
              () ->
                  deadLetters.poll().stream()
                      .anyMatch(
                          d ->
                              "DUPLICATE_COMMAND_ID".equals(d.getReason())
                                  && d.getKey() != null
                                  && vehicle.equals(
                                      java.nio.charset.StandardCharsets.UTF_8
                                          .decode(d.getKey().duplicate())
                                          .toString())));
    }
    List<CommandResult> all =
        await()
            .atMost(RESULT_WAIT)
            .until(
                () -> results.poll(List.of(original.getCommandId())).get(original.getCommandId()),
                l -> l != null && !l.isEmpty());
    assertThat(first).isPresent();
    assertThat(first.get().getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(all).containsExactly(first.get());
    assertThat(sim.requests().count(vehicle, "charge-set-limit")).isEqualTo(1);
    assertThat(sim.vehicles().require(vehicle).snapshot().chargeLimit()).isEqualTo(80);
  }

  @Test
  void shouldNeverSendAnExpiredCommand() {
    // given an unlock that expired before the dispatcher saw it, and one older than the max age
    String vehicle = "expired-0";
    addVehicle(vehicle);
    CommandRequest late =
        CommandRequest.newBuilder(command(vehicle, CommandType.UNLOCK, null))
            .setExpiresAt(Instant.now().minusSeconds(1))
            .build();
    CommandRequest old =
        CommandRequest.newBuilder(command(vehicle, CommandType.UNLOCK, null))
            .setRequestedAt(Instant.now().minus(Duration.ofMinutes(11)))
            .build();

    // when
    producer.send(late);
    producer.send(old);
    Map<String, List<CommandResult>> byId =
        awaitResults(List.of(late.getCommandId(), old.getCommandId()));

    // then both are EXPIRED and the car was never called
    assertThat(byId.values())
        .allSatisfy(l -> assertThat(l.get(0).getStatus()).isEqualTo(CommandStatus.EXPIRED));
    assertThat(sim.requests().count(vehicle, null)).isZero();
    assertThat(sim.vehicles().require(vehicle).snapshot().locked()).isTrue();
  }

  @Test
  void shouldTellTheOwnerToAddTheVirtualKey() {
    String vehicle = "tesla-0";
    sim.vehicles().add(sim.vehicles().builder(vehicle, "user-" + vehicle).tesla(false).build());

    Optional<CommandResult> result =
        producer.sendAndWait(command(vehicle, CommandType.UNLOCK, null), RESULT_WAIT);

    assertThat(result).isPresent();
    assertThat(result.get().getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.get().getErrorCode()).isEqualTo("VIRTUAL_KEY_REQUIRED");
    assertThat(result.get().getMessage()).contains("virtual key");
    assertThat(result.get().getRequestId()).isNotBlank();
  }

  @Test
  void shouldServeHealthAndCommandMetrics() throws Exception {
    // given one finished command
    String vehicle = "metrics-0";
    addVehicle(vehicle);
    producer.sendAndWait(command(vehicle, CommandType.LOCK, null), RESULT_WAIT);
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String base = "http://localhost:" + it.dispatcher().port();

    // when
    var ready =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health/ready"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    var metrics =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("dispatcher_commands_total{")
        .contains("status=\"SUCCEEDED\"")
        .contains("dispatcher_attempts_total{")
        .contains("dispatcher_api_latency_seconds_bucket")
        .contains("dispatcher_breaker_state")
        .contains("dispatcher_token_refreshes_total");
    // the command's phases, up to its commit, are timed (recorded right after the commit)
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        http.send(
                                java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(base + "/metrics"))
                                    .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                            .body())
                    .containsPattern(phaseCount("queued"))
                    .containsPattern(phaseCount("marker"))
                    .containsPattern(phaseCount("marker_ack"))
                    .containsPattern(phaseCount("call"))
                    .containsPattern(phaseCount("commit"))
                    .containsPattern(phaseCount("end_to_end")));
  }

  private static String phaseCount(String phase) {
    return "dispatcher_command_phase_seconds_count\\{phase=\"" + phase + "\"[^}]*} [1-9]";
  }

  @Test
  void shouldRefreshTheTokenOnceWhenSmartcarRefusesIt() {
    // given a vehicle and a token that Smartcar stops accepting
    String vehicle = "reauth-0";
    addVehicle(vehicle);
    producer.sendAndWait(command(vehicle, CommandType.LOCK, null), RESULT_WAIT);
    int tokensBefore = sim.requests().count(null, "token");
    sim.revokeTokens();

    // when the next command goes out
    Optional<CommandResult> result =
        producer.sendAndWait(command(vehicle, CommandType.UNLOCK, null), RESULT_WAIT);

    // then one new token was fetched and the command retried once with it
    assertThat(result).isPresent();
    assertThat(result.get().getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.get().getAttempts()).isEqualTo(2);
    assertThat(sim.requests().count(null, "token")).isEqualTo(tokensBefore + 1);
  }

  @Test
  void shouldLoseNoCommandAndRepeatNoSuccessAcrossARestart() {
    // given slow answers and a stream of commands for several vehicles
    sim.setFaults(FaultRules.everywhere(FaultProfile.none().withLatency(300, 400)));
    List<CommandType> sequence =
        List.of(
            CommandType.LOCK,
            CommandType.SET_CHARGE_LIMIT,
            CommandType.UNLOCK,
            CommandType.SET_DESTINATION);
    List<String> ids = new ArrayList<>();
    for (int v = 0; v < 5; v++) {
      addVehicle("restart-" + v);
    }
    for (CommandType type : sequence) {
      for (int v = 0; v < 5; v++) {
        CommandRequest r = command("restart-" + v, type, 70);
        ids.add(r.getCommandId());
        producer.send(r);
      }
    }

    // when the dispatcher is closed mid-run and a new one started
    await().atMost(RESULT_WAIT).until(() -> results.poll(ids).size() >= 3);
    it.stopDispatcher();
    int doneBeforeRestart = results.poll(ids).size();
    it.startDispatcher();

    // then every command has exactly one result, and no command reached the car twice
    Map<String, List<CommandResult>> byId = awaitResults(ids);
    assertThat(doneBeforeRestart).isLessThan(ids.size());
    assertThat(byId.values()).allSatisfy(l -> assertThat(l).hasSize(1));
    for (int v = 0; v < 5; v++) {
      for (String wire :
          List.of(
              "security-lock",
              "charge-set-limit",
              "security-unlock",
              "navigation-set-destination")) {
        assertThat(sim.requests().count("restart-" + v, wire))
            .as("restart-%d %s", v, wire)
            .isEqualTo(1);
      }
    }
    sim.setFaults(FaultRules.none());
  }
}
