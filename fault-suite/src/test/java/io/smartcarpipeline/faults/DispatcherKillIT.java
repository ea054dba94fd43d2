package io.smartcarpipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.dispatcher.CommandProducer;
import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.fault.FaultRules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dispatcher killed with SIGKILL while commands are in flight, for two vehicles sharing a
 * partition of the commands topic, one of them slow: the committed offset stays at the slow car's
 * oldest unfinished command, so the restarted dispatcher reads the fast car's finished commands
 * again. Rule: exactly one result per commandId, and no UNLOCK or START_CHARGING reaches a car
 * twice.
 */
@ExtendWith(LocalStackExtension.class)
class DispatcherKillIT {

  private static final List<CommandType> CYCLE =
      List.of(
          CommandType.UNLOCK,
          CommandType.START_CHARGING,
          CommandType.LOCK,
          CommandType.STOP_CHARGING);
  private static final int SLOW_COMMANDS = 24;
  private static final int FAST_COMMANDS = 80;
  private static final Map<CommandType, String> UNSAFE_WIRE_NAMES =
      Map.of(CommandType.UNLOCK, "security-unlock", CommandType.START_CHARGING, "charge-start");

  @Test
  void aKilledDispatcherGivesEveryCommandOneResultAndSendsNoUnsafeCommandTwice(LocalStack stack) {
    try (SmartcarApiSim sim =
            SmartcarApiSim.start(SimConfig.builder().port(0).bucket(0, 0).seed(14).build());
        CommandProducer producer =
            new CommandProducer(stack.bootstrapServers(), stack.schemaRegistryUrl());
        ServiceJvm dispatcher = dispatcher(stack, sim)) {
      dispatcher.startAndAwaitReady(); // creates the topics
      try (TopicReader<CommandResult> results =
          new TopicReader<>(
              stack.bootstrapServers(), stack.schemaRegistryUrl(), Topics.COMMAND_RESULTS)) {

        // given a slow and a fast vehicle whose commands share one partition
        int partitions = partitions(stack, Topics.COMMANDS.name());
        String slow = vehicleOn("fault-slow-", partitions, 0);
        String fast = vehicleOn("fault-fast-", partitions, partitionOf(slow, partitions));
        for (String v : List.of(slow, fast)) {
          sim.vehicles()
              .add(sim.vehicles().builder(v, "user-" + v).pluggedIn(true).soc(40).build());
        }
        sim.setFaults(
            FaultRules.none().withVehicle(slow, FaultProfile.none().withLatency(400, 500)));

        // when both get a stream of commands and the dispatcher is killed once the fast car is done
        Map<String, CommandRequest> sent = new HashMap<>();
        for (int i = 0; i < FAST_COMMANDS; i++) {
          if (i < SLOW_COMMANDS) {
            send(producer, sent, slow, i);
          }
          send(producer, sent, fast, i);
        }
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(10))
            .until(
                () ->
                    count(results.poll(), fast) == FAST_COMMANDS && unsafeCallInFlight(sim, slow));
        int slowDoneBeforeKill = count(results.poll(), slow);
        dispatcher.kill();
        Duration readyAfter = dispatcher.startAndAwaitReady();
        long restartedAt = System.nanoTime();

        // then every command has exactly one result
        Map<String, List<CommandResult>> byId =
            await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                    () -> byCommandId(results.poll(), sent),
                    r -> r.keySet().containsAll(sent.keySet()));
        Duration allDoneAfter = Duration.ofNanos(System.nanoTime() - restartedAt);
        await()
            .during(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(10))
            .until(() -> byCommandId(results.poll(), sent).equals(byId));
        List<String> twice =
            byId.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey())
                .toList();
        int interrupted =
            (int)
                byId.values().stream()
                    .map(l -> l.get(0))
                    .filter(CommandResult::getOutcomeUnknown)
                    .count();
        new Figures("dispatcher-kill")
            .put("commands", sent.size())
            .put("slow_done_before_kill", slowDoneBeforeKill + "/" + SLOW_COMMANDS)
            .put("results", byId.values().stream().mapToInt(List::size).sum())
            .put("commands_with_two_results", twice.size())
            .put("interrupted_unknown_outcome", interrupted)
            .seconds("restart_to_ready", readyAfter)
            .seconds("ready_to_all_results", allDoneAfter)
            .report();
        assertThat(slowDoneBeforeKill)
            .as("killed while the slow car had work")
            .isLessThan(SLOW_COMMANDS);
        assertThat(twice).as("commandIds with more than one result").isEmpty();
        assertThat(interrupted).as("the unsafe command in flight at the kill").isPositive();

        // and an unsafe command reached the car at most once: the calls the sim saw are no more
        // than
        // the attempts the results report, and every one of those reports at most one attempt
        for (String vehicle : List.of(slow, fast)) {
          for (Map.Entry<CommandType, String> unsafe : UNSAFE_WIRE_NAMES.entrySet()) {
            List<CommandResult> ofType =
                byId.values().stream()
                    .map(l -> l.get(0))
                    .filter(r -> r.getVehicleId().equals(vehicle) && r.getType() == unsafe.getKey())
                    .toList();
            assertThat(ofType).allSatisfy(r -> assertThat(r.getAttempts()).isLessThanOrEqualTo(1));
            assertThat(sim.requests().count(vehicle, unsafe.getValue()))
                .as("%s calls to %s", unsafe.getValue(), vehicle)
                .isLessThanOrEqualTo(ofType.stream().mapToInt(CommandResult::getAttempts).sum());
          }
        }
      }
    }
  }

  private static ServiceJvm dispatcher(LocalStack stack, SmartcarApiSim sim) {
    int port = ServiceJvm.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
    env.put("TOPIC_PARTITIONS", "2");
    env.put("SMARTCAR_CLIENT_ID", "client_sim");
    env.put("SMARTCAR_CLIENT_SECRET", "sim-secret");
    env.put("SMARTCAR_API_V3_ORIGIN", sim.v3Origin());
    env.put("SMARTCAR_IAM_ORIGIN", sim.iamOrigin());
    env.put("DISPATCHER_PORT", String.valueOf(port));
    env.put("DISPATCHER_GROUP_ID", "fault-dispatcher");
    env.put("DISPATCHER_INSTANCE_ID", "fault-0");
    env.put("DISPATCHER_READ_TIMEOUT", "5s");
    env.put("DISPATCHER_RATE_BUCKET_CAPACITY", "100000");
    env.put("DISPATCHER_RATE_REFILL_PER_MINUTE", "6000000");
    env.put("DISPATCHER_VEHICLE_SPACING", "0s");
    return ServiceJvm.of(DispatcherApp.class, env, port);
  }

  private static void send(
      CommandProducer producer, Map<String, CommandRequest> sent, String vehicle, int i) {
    CommandType type = CYCLE.get(i % CYCLE.size());
    CommandRequest r =
        CommandProducer.request(type, vehicle, "user-" + vehicle, null, null, null, null);
    sent.put(r.getCommandId(), r);
    producer.send(r);
  }

  /** Whether the sim is answering an UNLOCK or START_CHARGING for this vehicle right now. */
  private static boolean unsafeCallInFlight(SmartcarApiSim sim, String vehicle) {
    return sim.requests().find(vehicle, null).stream()
        .anyMatch(
            r -> "IN_FLIGHT".equals(r.state()) && UNSAFE_WIRE_NAMES.containsValue(r.command()));
  }

  private static int count(List<CommandResult> results, String vehicle) {
    return (int) results.stream().filter(r -> r.getVehicleId().equals(vehicle)).count();
  }

  private static Map<String, List<CommandResult>> byCommandId(
      List<CommandResult> results, Map<String, CommandRequest> sent) {
    return results.stream()
        .filter(r -> sent.containsKey(r.getCommandId()))
        .collect(Collectors.groupingBy(CommandResult::getCommandId));
  }

  private static int partitions(LocalStack stack, String topic) {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .size();
    } catch (Exception e) {
      throw new IllegalStateException("cannot describe " + topic, e);
    }
  }

  /** Kafka's default partitioner for a String key. */
  static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** The first {@code prefix + n} (with a run-unique part) whose key lands on {@code partition}. */
  static String vehicleOn(String prefix, int partitions, int partition) {
    String run = Long.toString(System.nanoTime(), 36);
    for (int n = 0; ; n++) {
      String id = prefix + run + "-" + n;
      if (partitionOf(id, partitions) == partition) {
        return id;
      }
    }
  }
}
