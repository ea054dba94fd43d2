package io.smartcarpipeline.processors.topology;

import static io.smartcarpipeline.processors.testdata.ChargingDay.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.ErrorState;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.events.SignalEvent;
import io.smartcarpipeline.events.SignalSource;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.SignalCodes;
import io.smartcarpipeline.processors.domain.history.SocSeries;
import io.smartcarpipeline.processors.kafka.DeadLetterHandler;
import io.smartcarpipeline.processors.testdata.ChargingDay;
import io.smartcarpipeline.processors.testdata.EventBuilder;
import io.smartcarpipeline.processors.testdata.InMemorySchemaRegistry;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessorsTopologyTest {

  private static final String V = "vehicle-1";
  private static final Map<String, String> SERDE =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:8081");

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final TopologySerdes serdes = TopologySerdes.withClient(registry, SERDE);
  private final ChargingDay day = new ChargingDay(V);
  private TopologyTestDriver driver;
  private TestInputTopic<String, VehicleEvent> events;
  private TestOutputTopic<String, SignalEvent> signals;
  private TestOutputTopic<String, VehicleState> states;
  private TestOutputTopic<String, ChargingSession> sessions;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "processors-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    props.put(DeadLetterHandler.REGISTRY_CLIENT_CONFIG, registry);
    props.putAll(SERDE);
    driver =
        new TopologyTestDriver(
            ProcessorsTopology.build(serdes, TopologyOptions.defaults()), props, at(0));
    events =
        driver.createInputTopic(
            Topics.VEHICLE_EVENTS.name(),
            new StringSerializer(),
            serdes.vehicleEvent().serializer());
    signals =
        driver.createOutputTopic(
            Topics.SIGNALS.name(), new StringDeserializer(), serdes.signalEvent().deserializer());
    states =
        driver.createOutputTopic(
            Topics.VEHICLE_STATE.name(),
            new StringDeserializer(),
            serdes.vehicleState().deserializer());
    sessions =
        driver.createOutputTopic(
            Topics.CHARGING_SESSIONS.name(),
            new StringDeserializer(),
            serdes.chargingSession().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void send(VehicleEvent e) {
    events.pipeInput(e.getVehicleId(), e, e.getReceivedAt());
  }

  @Test
  void shouldDropDuplicateEventsByEventId() {
    VehicleEvent first = day.charge(0, true, true, 20, 0.0);
    VehicleEvent retry =
        VehicleEvent.newBuilder(first)
            .setDeliveryId("retry-2")
            .setReceivedAt(first.getReceivedAt().plusSeconds(25))
            .build();

    send(first);
    send(retry);

    assertThat(signals.readValuesToList()).hasSize(4);
    assertThat(states.readValuesToList()).hasSize(1);
    assertThat(sessions.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldNotCountDuplicatedChargingEventTwice() {
    VehicleEvent mid = day.charge(30, true, true, 30, 6.0);
    send(day.charge(0, true, true, 20, 0.0));
    send(mid);
    send(mid);
    send(day.charge(60, false, false, 40, 12.0));

    ChargingSession fin = sessions.readValuesToList().get(2);
    assertThat(fin.getStatus()).isEqualTo(SessionStatus.COMPLETED);
    assertThat(fin.getEnergyKwh()).isEqualTo(12.0);
    assertThat(sessions.isEmpty()).isTrue();
  }

  @Test
  void shouldTurnVehicleErrorIntoSignalErrorsAndOpenError() {
    send(
        EventBuilder.error(V, at(1))
            .vehicleError("VEHICLE_STATE", "ASLEEP", ErrorState.ERROR, SignalCodes.STATE_OF_CHARGE)
            .build());

    SignalEvent s = signals.readValue();
    assertThat(s.getSource()).isEqualTo(SignalSource.VEHICLE_ERROR);
    assertThat(s.getCode()).isEqualTo(SignalCodes.STATE_OF_CHARGE);
    assertThat(states.readValue().getOpenErrors()).hasSize(1);
  }

  @Test
  void shouldKeepNewestStateWhenOlderEventArrivesLate() {
    send(day.charge(30, true, true, 40, 8.0));
    send(day.charge(10, true, true, 25, 2.0));

    KeyValueStore<String, VehicleState> store = driver.getKeyValueStore(StoreNames.VEHICLE_STATE);
    assertThat(
            store.get(V).getSignals().get(SignalCodes.STATE_OF_CHARGE).getValue().getNumberValue())
        .isEqualTo(40.0);
  }

  @Test
  void shouldCloseSilentSessionWhenWallClockPunctuatorFires() {
    send(day.charge(0, true, true, 20, 0.0));
    send(day.charge(30, true, true, 30, 6.0));
    sessions.readValuesToList();

    driver.advanceWallClockTime(Duration.ofHours(7));

    ChargingSession timedOut = sessions.readValue();
    assertThat(timedOut.getStatus()).isEqualTo(SessionStatus.TIMED_OUT);
    assertThat(timedOut.getEndedAt()).isEqualTo(at(30));
  }

  @Test
  void shouldKeepNewestCommandResultsPerVehicleOnceEach() {
    TestInputTopic<String, CommandResult> results =
        driver.createInputTopic(
            Topics.COMMAND_RESULTS.name(),
            new StringSerializer(),
            serdes.commandResult().serializer());
    int kept = TopologyOptions.defaults().commandsPerVehicle();

    for (int i = 0; i < kept + 5; i++) {
      results.pipeInput(V, commandResult("cmd-" + i, at(i)));
    }
    results.pipeInput(V, commandResult("cmd-" + (kept + 4), at(kept + 4)));

    KeyValueStore<String, CommandResult> store =
        driver.getKeyValueStore(StoreNames.RECENT_COMMANDS);
    List<String> ids = new ArrayList<>();
    try (KeyValueIterator<String, CommandResult> it = store.all()) {
      it.forEachRemaining(kv -> ids.add(kv.value.getCommandId()));
    }
    assertThat(ids).hasSize(kept).doesNotContain("cmd-4").contains("cmd-5", "cmd-" + (kept + 4));
  }

  @Test
  void shouldRecordSocPointsOnlyForwardInSourceTime() {
    send(day.charge(30, true, true, 40, 8.0));
    send(day.charge(10, true, true, 25, 2.0));
    send(day.charge(60, true, true, 55, 14.0));

    KeyValueStore<String, SocSeries> store = driver.getKeyValueStore(StoreNames.SOC_HISTORY);
    assertThat(store.get(V).points)
        .extracting(p -> p.t, p -> p.soc)
        .containsExactly(tuple(at(30).toEpochMilli(), 40.0), tuple(at(60).toEpochMilli(), 55.0));
  }

  private static CommandResult commandResult(String id, Instant completedAt) {
    return CommandResult.newBuilder()
        .setCommandId(id)
        .setVehicleId(V)
        .setType(CommandType.START_CHARGING)
        .setStatus(CommandStatus.SUCCEEDED)
        .setAttempts(1)
        .setRequestedAt(completedAt.minusSeconds(5))
        .setCompletedAt(completedAt)
        .build();
  }

  @Test
  void shouldSkipUnreadableRecordAndKeepProcessing() {
    driver
        .createInputTopic(
            Topics.VEHICLE_EVENTS.name(), new StringSerializer(), new ByteArraySerializer())
        .pipeInput(V, "not avro".getBytes(StandardCharsets.UTF_8));

    send(day.charge(0, true, true, 20, 0.0));

    assertThat(states.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldCountDroppedDuplicatesInAStreamsMetric() {
    VehicleEvent first = day.charge(0, true, true, 20, 0.0);
    send(first);
    send(VehicleEvent.newBuilder(first).setDeliveryId("retry-2").build());
    send(VehicleEvent.newBuilder(first).setDeliveryId("retry-3").build());
    send(day.charge(30, true, true, 30, 6.0));

    double dropped =
        driver.metrics().entrySet().stream()
            .filter(e -> e.getKey().group().equals("stream-dedup-metrics"))
            .filter(e -> e.getKey().name().equals("duplicates-dropped-total"))
            .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
            .sum();
    assertThat(dropped).isEqualTo(2.0);
  }
}
