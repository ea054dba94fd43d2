package io.smartcarpipeline.processors.topology;

import static io.smartcarpipeline.processors.testdata.ChargingDay.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.ConfirmationOutcome;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.SignalCodes;
import io.smartcarpipeline.processors.testdata.EventBuilder;
import io.smartcarpipeline.processors.testdata.InMemorySchemaRegistry;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Command confirmations through the real topology, with the driver's wall clock. */
class CommandConfirmationTopologyTest {

  private static final String V = "vehicle-1";
  private static final Duration WINDOW = Duration.ofMinutes(10);
  private static final Map<String, String> SERDE =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:8081");

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final TopologySerdes serdes = TopologySerdes.withClient(registry, SERDE);
  private final List<CommandConfirmation> heard = new ArrayList<>();
  private TopologyTestDriver driver;
  private TestInputTopic<String, VehicleEvent> events;
  private TestInputTopic<String, CommandResult> results;
  private TestInputTopic<String, CommandRequest> requests;
  private TestOutputTopic<String, CommandConfirmation> confirmations;
  private TestOutputTopic<String, VehicleState> states;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "confirmations-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    TopologyOptions options =
        TopologyOptions.defaults().withConfirmation(WINDOW, Duration.ofSeconds(10));
    driver =
        new TopologyTestDriver(ProcessorsTopology.build(serdes, options, heard::add), props, at(0));
    events =
        driver.createInputTopic(
            Topics.VEHICLE_EVENTS.name(),
            new StringSerializer(),
            serdes.vehicleEvent().serializer());
    results =
        driver.createInputTopic(
            Topics.COMMAND_RESULTS.name(),
            new StringSerializer(),
            serdes.commandResult().serializer());
    requests =
        driver.createInputTopic(
            Topics.COMMANDS.name(), new StringSerializer(), serdes.commandRequest().serializer());
    confirmations =
        driver.createOutputTopic(
            Topics.COMMAND_CONFIRMATIONS.name(),
            new StringDeserializer(),
            serdes.commandConfirmation().deserializer());
    states =
        driver.createOutputTopic(
            Topics.VEHICLE_STATE.name(),
            new StringDeserializer(),
            serdes.vehicleState().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void newerReadingShowingTheEffectConfirmsAtOnceWithEvidence() {
    results.pipeInput(V, result("lock-1", CommandType.LOCK, at(1)), at(1));
    VehicleEvent reading = locked(true, at(2));
    events.pipeInput(V, reading, at(2));

    CommandConfirmation c = confirmations.readValue();
    assertThat(c.getOutcome()).isEqualTo(ConfirmationOutcome.CONFIRMED);
    assertThat(c.getCommandId()).isEqualTo("lock-1");
    assertThat(c.getEvidence().getSignal()).isEqualTo(SignalCodes.IS_LOCKED);
    assertThat(c.getEvidence().getValue()).isEqualTo("true");
    assertThat(c.getEvidence().getOemUpdatedAt()).isEqualTo(at(2));
    assertThat(c.getEvidence().getEventId()).isEqualTo(reading.getEventId());
    assertThat(c.getDelayMillis()).isEqualTo(Duration.ofMinutes(1).toMillis());
    assertThat(confirmations.isEmpty()).isTrue();
    assertThat(heard).containsExactly(c);
  }

  @Test
  void readingOlderThanTheCompletionDoesNotCountAndTheWindowEndsUnconfirmed() {
    results.pipeInput(V, result("lock-1", CommandType.LOCK, at(5)), at(5));
    events.pipeInput(V, locked(true, at(4)), at(5));
    assertThat(confirmations.isEmpty()).isTrue();

    driver.advanceWallClockTime(WINDOW.plusMinutes(6));

    CommandConfirmation c = confirmations.readValue();
    assertThat(c.getOutcome()).isEqualTo(ConfirmationOutcome.UNCONFIRMED);
    assertThat(c.getEvidence()).isNull();
    assertThat(c.getMessage()).contains("closure-islocked = true");
    assertThat(confirmations.isEmpty()).isTrue();
  }

  @Test
  void contradictionIsHeldUntilTheWindowEndsThenContradicted() {
    results.pipeInput(V, result("lock-1", CommandType.LOCK, at(1)), at(1));
    events.pipeInput(V, locked(false, at(2)), at(2));
    assertThat(confirmations.isEmpty()).isTrue();

    driver.advanceWallClockTime(WINDOW.plusMinutes(2));

    CommandConfirmation c = confirmations.readValue();
    assertThat(c.getOutcome()).isEqualTo(ConfirmationOutcome.CONTRADICTED);
    assertThat(c.getEvidence().getValue()).isEqualTo("false");
    assertThat(c.getEvidence().getOemUpdatedAt()).isEqualTo(at(2));
  }

  @Test
  void laterConfirmingReadingOverridesAHeldContradiction() {
    results.pipeInput(V, result("start-1", CommandType.START_CHARGING, at(1)), at(1));
    events.pipeInput(V, charging(false, at(2)), at(2));
    events.pipeInput(
        V,
        EventBuilder.state(V, at(3))
            .text(SignalCodes.DETAILED_CHARGING_STATUS, "CHARGING", at(3))
            .build(),
        at(3));

    CommandConfirmation c = confirmations.readValue();
    assertThat(c.getOutcome()).isEqualTo(ConfirmationOutcome.CONFIRMED);
    assertThat(c.getEvidence().getSignal()).isEqualTo(SignalCodes.DETAILED_CHARGING_STATUS);
  }

  @Test
  void readingProcessedBeforeTheResultConfirmsFromTheFoldedState() {
    events.pipeInput(V, locked(false, at(3)), at(3));

    results.pipeInput(V, result("unlock-1", CommandType.UNLOCK, at(2)), at(4));

    CommandConfirmation c = confirmations.readValue();
    assertThat(c.getOutcome()).isEqualTo(ConfirmationOutcome.CONFIRMED);
    assertThat(c.getEvidence().getEventId()).isNull();
  }

  @Test
  void chargeLimitIsJudgedAgainstTheRequestedPercent() {
    requests.pipeInput(V, limitRequest("limit-1", 80), at(0));
    requests.pipeInput(V, limitRequest("limit-2", 90), at(0));
    results.pipeInput(V, result("limit-1", CommandType.SET_CHARGE_LIMIT, at(1)), at(1));
    results.pipeInput(V, result("limit-2", CommandType.SET_CHARGE_LIMIT, at(1)), at(1));

    events.pipeInput(V, EventBuilder.state(V, at(2)).chargeLimit(80, at(2)).build(), at(2));
    driver.advanceWallClockTime(WINDOW.plusMinutes(2));

    assertThat(confirmations.readValuesToList())
        .extracting(CommandConfirmation::getCommandId, CommandConfirmation::getOutcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("limit-1", ConfirmationOutcome.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple("limit-2", ConfirmationOutcome.CONTRADICTED));
  }

  @Test
  void onlySucceededCommandsWithAnObservableEffectAreConfirmedAndEachOnce() {
    CommandResult failed =
        CommandResult.newBuilder(result("lock-f", CommandType.LOCK, at(1)))
            .setStatus(CommandStatus.FAILED)
            .build();
    results.pipeInput(V, failed, at(1));
    results.pipeInput(V, result("dest-1", CommandType.SET_DESTINATION, at(1)), at(1));
    results.pipeInput(V, result("lock-1", CommandType.LOCK, at(1)), at(1));
    events.pipeInput(V, locked(true, at(2)), at(2));
    results.pipeInput(V, result("lock-1", CommandType.LOCK, at(1)), at(3));
    events.pipeInput(V, locked(true, at(4)), at(4));
    driver.advanceWallClockTime(WINDOW.plusMinutes(5));

    assertThat(confirmations.readValuesToList())
        .extracting(CommandConfirmation::getCommandId)
        .containsExactly("lock-1");
  }

  @Test
  void testModeDeliveriesLeaveStateAndConfirmationsAlone() {
    results.pipeInput(V, result("lock-1", CommandType.LOCK, at(1)), at(1));
    VehicleEvent test =
        EventBuilder.state(V, at(2)).mode("TEST").bool(SignalCodes.IS_LOCKED, true, at(2)).build();
    events.pipeInput(V, test, at(2));

    assertThat(states.isEmpty()).isTrue();
    assertThat(confirmations.isEmpty()).isTrue();
  }

  private static VehicleEvent locked(boolean value, Instant at) {
    return EventBuilder.state(V, at).bool(SignalCodes.IS_LOCKED, value, at).build();
  }

  private static VehicleEvent charging(boolean value, Instant at) {
    return EventBuilder.state(V, at).bool(SignalCodes.IS_CHARGING, value, at).build();
  }

  static CommandResult result(String id, CommandType type, Instant completedAt) {
    return CommandResult.newBuilder()
        .setCommandId(id)
        .setVehicleId(V)
        .setType(type)
        .setStatus(CommandStatus.SUCCEEDED)
        .setAttempts(1)
        .setRequestedAt(completedAt.minusSeconds(5))
        .setCompletedAt(completedAt)
        .build();
  }

  private static CommandRequest limitRequest(String id, int percent) {
    return CommandRequest.newBuilder()
        .setCommandId(id)
        .setVehicleId(V)
        .setUserId(EventBuilder.USER)
        .setType(CommandType.SET_CHARGE_LIMIT)
        .setParameters(new CommandParameters(percent, null, null))
        .setRequestedAt(at(0))
        .build();
  }
}
