package io.smartcarpipeline.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.ConfirmationOutcome;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.processors.domain.SignalCodes;
import io.smartcarpipeline.processors.testdata.EventBuilder;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command confirmations on the embedded broker with exactly-once: command results and the cars'
 * readings go through the real topics; the processors decide CONFIRMED, CONTRADICTED and
 * UNCONFIRMED, show them on the query API, and after a restart neither repeat a decided command nor
 * forget a pending one.
 */
@ExtendWith(LocalStackExtension.class)
class CommandConfirmationIT {

  private static final Duration WINDOW = Duration.ofSeconds(4);
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldConfirmEachSucceededCommandOnceFromTheCarsOwnReadingsAcrossRestart(
      LocalStack stack, @TempDir Path stateDir) throws Exception {
    Settings settings = settings(stack, stateDir);
    Instant done = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(
            KafkaClients.producerConfig(
                KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl()),
                "confirmation-it"))) {
      ProcessorsApp first = ProcessorsApp.start(settings);
      try {
        // given: four LOCKs that succeeded, and what each car reported afterwards
        lock(producer, "car-confirmed", "cmd-confirmed", done);
        reading(producer, "car-confirmed", true, done.plusSeconds(2));
        lock(producer, "car-older", "cmd-older", done);
        reading(producer, "car-older", true, done.minusSeconds(60));
        lock(producer, "car-contradicted", "cmd-contradicted", done);
        reading(producer, "car-contradicted", false, done.plusSeconds(2));
        lock(producer, "car-silent", "cmd-silent", done);

        // then: one decision each, with the evidence
        Map<String, CommandConfirmation> decided = readUntil(stack, 4);
        assertThat(decided.get("cmd-confirmed").getOutcome())
            .isEqualTo(ConfirmationOutcome.CONFIRMED);
        assertThat(decided.get("cmd-confirmed").getEvidence().getSignal())
            .isEqualTo(SignalCodes.IS_LOCKED);
        assertThat(decided.get("cmd-confirmed").getEvidence().getValue()).isEqualTo("true");
        assertThat(decided.get("cmd-confirmed").getEvidence().getOemUpdatedAt())
            .isEqualTo(done.plusSeconds(2));
        assertThat(decided.get("cmd-older").getOutcome())
            .isEqualTo(ConfirmationOutcome.UNCONFIRMED);
        assertThat(decided.get("cmd-contradicted").getOutcome())
            .isEqualTo(ConfirmationOutcome.CONTRADICTED);
        assertThat(decided.get("cmd-contradicted").getEvidence().getValue()).isEqualTo("false");
        assertThat(decided.get("cmd-silent").getOutcome())
            .isEqualTo(ConfirmationOutcome.UNCONFIRMED);

        // and: the query API shows each command with its confirmation
        JsonObject command =
            getJson(first.port(), "/vehicles/car-confirmed/commands")
                .getJsonArray("commands")
                .getJsonObject(0);
        assertThat(command.getJsonObject("confirmation").getString("outcome"))
            .isEqualTo("CONFIRMED");
        JsonObject fleet = getJson(first.port(), "/fleet");
        assertThat(fleet.getJsonObject("totals").getJsonObject("confirmationsByOutcome").getMap())
            .containsEntry("CONFIRMED", 1)
            .containsEntry("CONTRADICTED", 1)
            .containsEntry("UNCONFIRMED", 2);
        assertThat(get(first.port(), "/metrics").body())
            .contains("smartcar_command_confirmations_total{outcome=\"CONFIRMED\"")
            .contains("smartcar_command_confirmation_delay_seconds_bucket");

        // when: a command is pending as the processors stop
        lock(producer, "car-pending", "cmd-pending", Instant.now());
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(
                            commandIds(getJson(first.port(), "/commands").getJsonArray("commands")))
                        .contains("cmd-pending"));
      } finally {
        first.close();
      }

      ProcessorsApp second = ProcessorsApp.start(settings);
      try {
        // and: a decided command's result is seen again after the restart
        lock(producer, "car-confirmed", "cmd-confirmed", done);

        // then: the pending one is decided once, and nothing is decided twice
        Map<String, CommandConfirmation> all = readUntil(stack, 5);
        assertThat(all.get("cmd-pending").getOutcome()).isEqualTo(ConfirmationOutcome.UNCONFIRMED);
        JsonArray commands = getJson(second.port(), "/commands").getJsonArray("commands");
        assertThat(commands.stream().map(JsonObject.class::cast))
            .filteredOn(c -> c.getString("commandId").equals("cmd-pending"))
            .singleElement()
            .satisfies(
                c ->
                    assertThat(c.getJsonObject("confirmation").getString("outcome"))
                        .isEqualTo("UNCONFIRMED"));
      } finally {
        second.close();
      }
    }
  }

  private static List<String> commandIds(JsonArray commands) {
    List<String> ids = new ArrayList<>();
    commands.forEach(c -> ids.add(((JsonObject) c).getString("commandId")));
    return ids;
  }

  private static void lock(
      KafkaProducer<String, SpecificRecord> producer,
      String vehicle,
      String commandId,
      Instant completedAt)
      throws Exception {
    CommandResult result =
        CommandResult.newBuilder()
            .setCommandId(commandId)
            .setVehicleId(vehicle)
            .setType(CommandType.LOCK)
            .setStatus(CommandStatus.SUCCEEDED)
            .setAttempts(1)
            .setRequestedAt(completedAt.minusSeconds(3))
            .setCompletedAt(completedAt)
            .build();
    producer.send(new ProducerRecord<>(Topics.COMMAND_RESULTS.name(), vehicle, result)).get();
  }

  private static void reading(
      KafkaProducer<String, SpecificRecord> producer, String vehicle, boolean locked, Instant at)
      throws Exception {
    VehicleEvent event =
        EventBuilder.state(vehicle, Instant.now()).bool(SignalCodes.IS_LOCKED, locked, at).build();
    producer.send(new ProducerRecord<>(Topics.VEHICLE_EVENTS.name(), vehicle, event)).get();
  }

  /**
   * Reads the confirmations topic until {@code expected} distinct commands are decided, then once
   * more, and asserts no command was decided twice.
   */
  private static Map<String, CommandConfirmation> readUntil(LocalStack stack, int expected) {
    List<CommandConfirmation> out = new ArrayList<>();
    try (KafkaConsumer<String, CommandConfirmation> consumer =
        new KafkaConsumer<>(
            KafkaClients.consumerConfig(
                KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl()),
                "confirmation-reader-" + UUID.randomUUID()))) {
      consumer.subscribe(List.of(Topics.COMMAND_CONFIRMATIONS.name()));
      await()
          .atMost(WINDOW.plusSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, CommandConfirmation> r :
                    consumer.poll(Duration.ofMillis(200))) {
                  out.add(r.value());
                }
                return out.size() >= expected;
              });
      consumer.poll(Duration.ofSeconds(1)).forEach(r -> out.add(r.value()));
    }
    assertThat(out).extracting(CommandConfirmation::getCommandId).doesNotHaveDuplicates();
    assertThat(out).hasSize(expected);
    return out.stream()
        .collect(Collectors.toMap(CommandConfirmation::getCommandId, Function.identity()));
  }

  private static Settings settings(LocalStack stack, Path stateDir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(CommonSettings.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
    env.put(CommonSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    env.put(ProcessorsConfig.PORT, "0");
    env.put(ProcessorsConfig.STATE_DIR, stateDir.toString());
    env.put(ProcessorsConfig.APPLICATION_ID, "confirmation-it-" + UUID.randomUUID());
    env.put(ProcessorsConfig.CACHE_MAX_BYTES, "0");
    env.put(ProcessorsConfig.COMMIT_INTERVAL, "100ms");
    env.put(ProcessorsConfig.CONFIRMATION_WINDOW, WINDOW.toMillis() + "ms");
    env.put(ProcessorsConfig.CONFIRMATION_CHECK_INTERVAL, "200ms");
    return Settings.of(env);
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
