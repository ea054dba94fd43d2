package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.DeliveryMode;
import io.smartcarpipeline.processors.domain.SignalEvents;
import io.smartcarpipeline.processors.domain.confirmation.PendingConfirmation;
import io.smartcarpipeline.schemas.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The stream processors as one pure function: vehicle events, command requests and results in;
 * deduplicated signals, vehicle state, charging sessions and command confirmations out, plus the
 * query stores (SoC history, recent command results and confirmations) the fleet page reads. No I/O
 * here; {@code ProcessorsApp} runs it and the tests build the same topology into a
 * TopologyTestDriver. Everything is keyed by vehicle id, so one vehicle's events, state and
 * sessions live in one task and nothing is repartitioned.
 */
public final class ProcessorsTopology {

  private ProcessorsTopology() {}

  /** Builds the topology with no confirmation listener. */
  public static Topology build(TopologySerdes serdes, TopologyOptions options) {
    return build(serdes, options, ConfirmationListener.NONE);
  }

  /** Builds the topology; {@code listener} hears of every command confirmation (metrics). */
  public static Topology build(
      TopologySerdes serdes, TopologyOptions options, ConfirmationListener listener) {
    StreamsBuilder builder = new StreamsBuilder();
    addStores(builder, serdes, options);

    // Smartcar delivers at least once: drop redeliveries by eventId before anything counts them.
    KStream<String, VehicleEvent> distinct =
        builder.stream(
                Topics.VEHICLE_EVENTS.name(), Consumed.with(Serdes.String(), serdes.vehicleEvent()))
            .filter((key, event) -> event != null, Named.as("non-null-events"))
            .processValues(
                () -> new DedupProcessor(options.dedupRetention()),
                Named.as("dedup"),
                StoreNames.EVENT_IDS);

    // One record per signal (and per signal named by a VEHICLE_ERROR) for analytics.
    distinct
        .flatMapValues(SignalEvents::from, Named.as("signals"))
        .to(Topics.SIGNALS.name(), Produced.with(Serdes.String(), serdes.signalEvent()));

    // Dashboard TEST deliveries are no reading of the car: state, sessions and confirmations skip
    // them unless the setting includes them.
    KStream<String, VehicleEvent> live =
        options.includeTestMode()
            ? distinct
            : distinct.filterNot((key, event) -> DeliveryMode.isTest(event), Named.as("live-only"));

    // Newest value per signal by source time; the compacted topic mirrors the store.
    KStream<String, VehicleState> states =
        live.processValues(
            VehicleStateProcessor::new,
            Named.as("vehicle-state-fold"),
            StoreNames.VEHICLE_STATE,
            StoreNames.DATA_SOURCES);
    states.to(Topics.VEHICLE_STATE.name(), Produced.with(Serdes.String(), serdes.vehicleState()));

    // The chart's SoC points follow the folded state, so they too move only forward in time.
    states.process(
        () -> new SocHistoryProcessor(options.socPointsPerVehicle()),
        Named.as("soc-history"),
        StoreNames.SOC_HISTORY);

    // Charging sessions: a state machine per vehicle plus a wall-clock timeout.
    live.process(
            () -> new ChargingSessionProcessor(options),
            Named.as("charging-sessions"),
            StoreNames.CHARGING_TRACKERS,
            StoreNames.CHARGING_HISTORY)
        .to(
            Topics.CHARGING_SESSIONS.name(),
            Produced.with(Serdes.String(), serdes.chargingSession()));

    // The dispatcher's results, newest few per vehicle, for the query API.
    KStream<String, CommandResult> results =
        builder.stream(
            Topics.COMMAND_RESULTS.name(), Consumed.with(Serdes.String(), serdes.commandResult()));
    results.process(
        () -> new RecentCommandsProcessor(options.commandsPerVehicle()),
        Named.as("recent-commands"),
        StoreNames.RECENT_COMMANDS);

    // Did the car's own signals show each succeeded command's effect? Requests (for the charge
    // limit's percent), results and live readings meet in one task: all three topics are keyed by
    // vehicle id. The processor also reads the folded state, as a reading may precede the result.
    KStream<String, CommandRequest> requests =
        builder.stream(
            Topics.COMMANDS.name(), Consumed.with(Serdes.String(), serdes.commandRequest()));
    live.<ConfirmationInput>mapValues(ConfirmationInput.Event::new, Named.as("confirm-readings"))
        .merge(
            results
                .filter((key, r) -> r != null, Named.as("confirm-non-null-results"))
                .mapValues(ConfirmationInput.Result::new, Named.as("confirm-results")),
            Named.as("confirm-merge-results"))
        .merge(
            requests
                .filter((key, r) -> r != null, Named.as("confirm-non-null-requests"))
                .mapValues(ConfirmationInput.Request::new, Named.as("confirm-requests")),
            Named.as("confirm-merge-requests"))
        .process(
            () -> new CommandConfirmationProcessor(options, listener),
            Named.as("command-confirmations"),
            StoreNames.PENDING_CONFIRMATIONS,
            StoreNames.DECIDED_COMMANDS,
            StoreNames.COMMAND_CONFIRMATIONS,
            StoreNames.VEHICLE_STATE)
        .to(
            Topics.COMMAND_CONFIRMATIONS.name(),
            Produced.with(Serdes.String(), serdes.commandConfirmation()));

    // fleet-sync's connection records, for the fleet page only: a global table (no task, no
    // repartition; every instance reads the whole compacted topic, read-committed under EOS).
    builder.globalTable(
        Topics.CONNECTIONS.name(),
        Consumed.with(Serdes.String(), serdes.vehicleConnection()),
        Materialized.<String, VehicleConnection, KeyValueStore<Bytes, byte[]>>as(
                StoreNames.CONNECTIONS)
            .withKeySerde(Serdes.String())
            .withValueSerde(serdes.vehicleConnection()));

    return builder.build();
  }

  private static void addStores(
      StreamsBuilder builder, TopologySerdes serdes, TopologyOptions options) {
    Duration retention = options.dedupRetention();
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(StoreNames.EVENT_IDS, retention, retention, false),
            Serdes.String(),
            Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.VEHICLE_STATE),
            Serdes.String(),
            serdes.vehicleState()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.DATA_SOURCES),
            Serdes.String(),
            Serdes.String()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.CHARGING_TRACKERS),
            Serdes.String(),
            ChargingTrackerSerde.create()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.CHARGING_HISTORY),
            Serdes.String(),
            serdes.chargingSession()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.SOC_HISTORY),
            Serdes.String(),
            SocSeriesSerde.create()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.RECENT_COMMANDS),
            Serdes.String(),
            serdes.commandResult()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.PENDING_CONFIRMATIONS),
            Serdes.String(),
            JsonSerde.of(PendingConfirmation.class)));
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(StoreNames.DECIDED_COMMANDS, retention, retention, false),
            Serdes.String(),
            Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.COMMAND_CONFIRMATIONS),
            Serdes.String(),
            serdes.commandConfirmation()));
  }
}
