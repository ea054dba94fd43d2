package io.smartcarpipeline.examples.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.EnergySource;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.events.VehicleInfo;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.AvroSerdes;
import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.smartcarpipeline.support.kafka.TopicCreator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Node example ({@code examples/node/consumer.mjs}, kafkajs and
 * {@code @kafkajs/confluent-schema-registry}) against the embedded broker and registry, the real
 * command dispatcher and the Smartcar stand-in: it must read a vehicle state and a charging session
 * written by our serde and producer settings (lz4), and get its START_CHARGING command's result. CI
 * installs the example's packages ({@code .ci/run}: {@code npm ci}); without Node or them the test
 * is skipped, except under {@code CI=true}, where it fails.
 */
@ExtendWith(LocalStackExtension.class)
class NodeExampleIT {

  private static final Logger LOG = LoggerFactory.getLogger(NodeExampleIT.class);
  private static final Path EXAMPLE = Path.of("node");
  private static final String VEHICLE = "node-example-vehicle";
  private static final String USER = "node-example-user";

  private static LocalStack stack;
  private static SmartcarApiSim sim;
  private static DispatcherApp dispatcher;

  @BeforeAll
  static void startAll(LocalStack localStack) throws Exception {
    boolean ready = Files.isDirectory(EXAMPLE.resolve("node_modules/kafkajs")) && nodeRuns();
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(ready, "Node or its packages are missing: run npm ci in examples/node");
    }
    assertThat(ready).as("CI needs Node and `npm ci` in examples/node").isTrue();
    stack = localStack;
    sim = SmartcarApiSim.start(SimConfig.builder().port(0).bucket(0, 0).seed(13).build());
    sim.vehicles().add(sim.vehicles().builder(VEHICLE, USER).pluggedIn(true).soc(40).build());
    dispatcher = DispatcherApp.start(dispatcherSettings());
    writeStateAndSession();
  }

  @AfterAll
  static void stopAll() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void nodeExamplePrintsStateSessionAndTheCommandResult() throws Exception {
    ProcessBuilder example =
        new ProcessBuilder("node", "consumer.mjs")
            .directory(EXAMPLE.toFile())
            .redirectErrorStream(true);
    example
        .environment()
        .putAll(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                stack.bootstrapServers(),
                "SCHEMA_REGISTRY_URL",
                stack.schemaRegistryUrl(),
                "VEHICLE_ID",
                VEHICLE,
                "TIMEOUT_MS",
                "60000"));
    String output = finish(example.start());

    assertThat(output)
        .contains("state vehicle=" + VEHICLE)
        .contains("session id=node-session-1 vehicle=" + VEHICLE + " status=COMPLETED")
        .contains("energyKwh=7.5");
    Matcher result = Pattern.compile("result commandId=(\\S+) status=SUCCEEDED").matcher(output);
    assertThat(result.find()).as(output).isTrue();
    assertThat(output).contains("command_sent commandId=" + result.group(1));
    assertThat(sim.requests().find(VEHICLE, "charge-start")).isNotEmpty();
  }

  private static String finish(Process node) throws IOException, InterruptedException {
    boolean done = node.waitFor(120, TimeUnit.SECONDS);
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    LOG.info("node_example_output\n{}", output);
    if (!done) {
      node.destroyForcibly();
    }
    assertThat(done).as("the Node example did not finish in 120 s: %s", output).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    return output;
  }

  private static void writeStateAndSession() {
    KafkaClientSettings kafka =
        KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl());
    List<TopicSpec<?>> topics =
        List.of(Topics.VEHICLE_STATE, Topics.CHARGING_SESSIONS, Topics.COMMANDS);
    try (Admin admin =
        Admin.create(KafkaClients.adminConfig(kafka, "node-example-it", Duration.ofSeconds(30)))) {
      TopicCreator.ensureTopics(admin, topics, 1, Duration.ofSeconds(30));
    }
    Instant now = Instant.now();
    send(
        kafka,
        Topics.VEHICLE_STATE,
        VehicleState.newBuilder()
            .setVehicleId(VEHICLE)
            .setUserId(USER)
            .setVehicle(VehicleInfo.newBuilder().build())
            .setUpdatedAt(now)
            .build());
    send(
        kafka,
        Topics.CHARGING_SESSIONS,
        ChargingSession.newBuilder()
            .setSessionId("node-session-1")
            .setVehicleId(VEHICLE)
            .setUserId(USER)
            .setStatus(SessionStatus.COMPLETED)
            .setRevision(3)
            .setStartedAt(now.minusSeconds(3600))
            .setEndedAt(now)
            .setEnergyKwh(7.5)
            .setEnergySource(EnergySource.MEASURED)
            .setUpdatedAt(now)
            .build());
  }

  private static <V extends SpecificRecord> void send(
      KafkaClientSettings kafka, TopicSpec<V> topic, V value) {
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(
            KafkaClients.producerConfig(kafka, "node-example-it"),
            new StringSerializer(),
            AvroSerdes.valueSerde(topic, stack.schemaRegistryUrl()).serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), VEHICLE, value)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not write " + topic.name(), e);
    }
  }

  private static Settings dispatcherSettings() {
    return Settings.of(
        Map.ofEntries(
            Map.entry("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers()),
            Map.entry("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl()),
            Map.entry("SMARTCAR_CLIENT_ID", "client_sim"),
            Map.entry("SMARTCAR_CLIENT_SECRET", "sim-secret"),
            Map.entry("SMARTCAR_API_V3_ORIGIN", sim.v3Origin()),
            Map.entry("SMARTCAR_IAM_ORIGIN", sim.iamOrigin()),
            Map.entry("DISPATCHER_PORT", "0"),
            Map.entry("DISPATCHER_GROUP_ID", "node-example-it"),
            Map.entry("DISPATCHER_INSTANCE_ID", "node-example-0")));
  }

  private static boolean nodeRuns() {
    try {
      return new ProcessBuilder("node", "--version").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
