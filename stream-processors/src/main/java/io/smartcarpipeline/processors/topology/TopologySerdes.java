package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.SignalEvent;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.AvroSerdes;
import io.smartcarpipeline.serde.ConfluentAvroSerde;
import io.smartcarpipeline.serde.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * The value serdes of the topology, one per Avro type. Built against a registry URL in the app, or
 * against a given (in-memory) registry client in tests.
 */
public record TopologySerdes(
    Serde<VehicleEvent> vehicleEvent,
    Serde<SignalEvent> signalEvent,
    Serde<VehicleState> vehicleState,
    Serde<ChargingSession> chargingSession,
    Serde<CommandResult> commandResult,
    Serde<CommandRequest> commandRequest,
    Serde<CommandConfirmation> commandConfirmation,
    Serde<VehicleConnection> vehicleConnection) {

  /** Serdes configured from serde settings ({@code schema.registry.url}, …). */
  public static TopologySerdes fromConfig(Map<String, ?> serdeConfig) {
    return new TopologySerdes(
        AvroSerdes.valueSerde(Topics.VEHICLE_EVENTS, serdeConfig),
        AvroSerdes.valueSerde(Topics.SIGNALS, serdeConfig),
        AvroSerdes.valueSerde(Topics.VEHICLE_STATE, serdeConfig),
        AvroSerdes.valueSerde(Topics.CHARGING_SESSIONS, serdeConfig),
        AvroSerdes.valueSerde(Topics.COMMAND_RESULTS, serdeConfig),
        AvroSerdes.valueSerde(Topics.COMMANDS, serdeConfig),
        AvroSerdes.valueSerde(Topics.COMMAND_CONFIRMATIONS, serdeConfig),
        AvroSerdes.valueSerde(Topics.CONNECTIONS, serdeConfig));
  }

  /** Serdes talking to {@code client} (tests). */
  public static TopologySerdes withClient(SchemaRegistryClient client, Map<String, ?> serdeConfig) {
    return new TopologySerdes(
        new ConfluentAvroSerde<>(VehicleEvent.class, client, serdeConfig),
        new ConfluentAvroSerde<>(SignalEvent.class, client, serdeConfig),
        new ConfluentAvroSerde<>(VehicleState.class, client, serdeConfig),
        new ConfluentAvroSerde<>(ChargingSession.class, client, serdeConfig),
        new ConfluentAvroSerde<>(CommandResult.class, client, serdeConfig),
        new ConfluentAvroSerde<>(CommandRequest.class, client, serdeConfig),
        new ConfluentAvroSerde<>(CommandConfirmation.class, client, serdeConfig),
        new ConfluentAvroSerde<>(VehicleConnection.class, client, serdeConfig));
  }
}
