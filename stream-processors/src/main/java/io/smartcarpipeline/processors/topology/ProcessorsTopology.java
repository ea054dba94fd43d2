package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.SignalEvents;
import io.smartcarpipeline.schemas.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The stream processors as one pure function: vehicle events and command results in; deduplicated
 * signals, vehicle state and charging sessions out, plus the query stores (SoC history, recent
 * command results) the fleet page reads. No I/O here; {@code ProcessorsApp} runs it and the tests
 * build the same topology into a TopologyTestDriver. Everything is keyed by vehicle id, so one
 * vehicle's events, state and sessions live in one task and nothing is repartitioned.
 */
public final class ProcessorsTopology {

  private ProcessorsTopology() {}

  /** Builds the topology. */
  public static Topology build(TopologySerdes serdes, TopologyOptions options) {
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

    // Newest value per signal by source time; the compacted topic mirrors the store.
    KStream<String, VehicleState> states =
        distinct.processValues(
            VehicleStateProcessor::new, Named.as("vehicle-state-fold"), StoreNames.VEHICLE_STATE);
    states.to(Topics.VEHICLE_STATE.name(), Produced.with(Serdes.String(), serdes.vehicleState()));

    // The chart's SoC points follow the folded state, so they too move only forward in time.
    states.process(
        () -> new SocHistoryProcessor(options.socPointsPerVehicle()),
        Named.as("soc-history"),
        StoreNames.SOC_HISTORY);

    // Charging sessions: a state machine per vehicle plus a wall-clock timeout.
    distinct
        .process(
            () -> new ChargingSessionProcessor(options),
            Named.as("charging-sessions"),
            StoreNames.CHARGING_TRACKERS,
            StoreNames.CHARGING_HISTORY)
        .to(
            Topics.CHARGING_SESSIONS.name(),
            Produced.with(Serdes.String(), serdes.chargingSession()));

    // The dispatcher's results, newest few per vehicle, for the query API.
    builder.stream(
            Topics.COMMAND_RESULTS.name(), Consumed.with(Serdes.String(), serdes.commandResult()))
        .process(
            () -> new RecentCommandsProcessor(options.commandsPerVehicle()),
            Named.as("recent-commands"),
            StoreNames.RECENT_COMMANDS);

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
  }
}
