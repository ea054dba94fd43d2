package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.history.SocSeries;
import io.smartcarpipeline.processors.topology.StoreNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The read model over Kafka Streams interactive queries on this instance's stores; {@link
 * #remoteOwner} uses the streams metadata ({@code application.server}) to name the instance that
 * hosts a vehicle's partition and {@link #peers} every other instance.
 */
public final class StreamsReadModel implements VehicleReadModel {

  private final KafkaStreams streams;
  private final HostInfo self;

  public StreamsReadModel(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  @Override
  public Optional<VehicleState> state(String vehicleId) {
    return Optional.ofNullable(this.<VehicleState>store(StoreNames.VEHICLE_STATE).get(vehicleId));
  }

  @Override
  public List<String> vehicleIds(String after, int limit) {
    List<String> ids = new ArrayList<>();
    try (KeyValueIterator<String, VehicleState> it =
        this.<VehicleState>store(StoreNames.VEHICLE_STATE).all()) {
      it.forEachRemaining(
          kv -> {
            if (after == null || kv.key.compareTo(after) > 0) {
              ids.add(kv.key);
            }
          });
    }
    Collections.sort(ids);
    return ids.subList(0, Math.min(limit, ids.size()));
  }

  @Override
  public List<ChargingSession> sessions(String vehicleId, int limit) {
    List<ChargingSession> out = new ArrayList<>();
    try (KeyValueIterator<String, ChargingSession> it =
        this.<ChargingSession>store(StoreNames.CHARGING_HISTORY)
            .prefixScan(StoreNames.historyPrefix(vehicleId), new StringSerializer())) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    Collections.reverse(out);
    return out.subList(0, Math.min(limit, out.size()));
  }

  @Override
  public List<VehicleState> states() {
    List<VehicleState> out = new ArrayList<>();
    try (KeyValueIterator<String, VehicleState> it =
        this.<VehicleState>store(StoreNames.VEHICLE_STATE).all()) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    out.sort(Comparator.comparing(VehicleState::getVehicleId));
    return out;
  }

  @Override
  public List<ChargingSession> allSessions() {
    List<ChargingSession> out = new ArrayList<>();
    try (KeyValueIterator<String, ChargingSession> it =
        this.<ChargingSession>store(StoreNames.CHARGING_HISTORY).all()) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  @Override
  public List<CommandResult> recentCommands(String vehicleId, int limit) {
    List<CommandResult> out = new ArrayList<>();
    ReadOnlyKeyValueStore<String, CommandResult> store = store(StoreNames.RECENT_COMMANDS);
    try (KeyValueIterator<String, CommandResult> it =
        vehicleId == null
            ? store.all()
            : store.prefixScan(StoreNames.historyPrefix(vehicleId), new StringSerializer())) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    out.sort(
        Comparator.comparing(CommandResult::getCompletedAt)
            .thenComparing(CommandResult::getCommandId)
            .reversed());
    return out.subList(0, Math.min(limit, out.size()));
  }

  @Override
  public Map<String, CommandConfirmation> confirmations(String vehicleId) {
    Map<String, CommandConfirmation> out = new HashMap<>();
    ReadOnlyKeyValueStore<String, CommandConfirmation> store =
        store(StoreNames.COMMAND_CONFIRMATIONS);
    try (KeyValueIterator<String, CommandConfirmation> it =
        vehicleId == null
            ? store.all()
            : store.prefixScan(StoreNames.historyPrefix(vehicleId), new StringSerializer())) {
      it.forEachRemaining(kv -> out.put(kv.value.getCommandId(), kv.value));
    }
    return out;
  }

  @Override
  public List<SocSeries.Point> socHistory(String vehicleId) {
    SocSeries series = this.<SocSeries>store(StoreNames.SOC_HISTORY).get(vehicleId);
    return series == null ? List.of() : series.points;
  }

  @Override
  public Optional<VehicleConnection> connection(String vehicleId) {
    return Optional.ofNullable(
        this.<VehicleConnection>store(StoreNames.CONNECTIONS).get(vehicleId));
  }

  @Override
  public Optional<String> dataSource(String vehicleId) {
    return Optional.ofNullable(this.<String>store(StoreNames.DATA_SOURCES).get(vehicleId));
  }

  @Override
  public Optional<String> remoteOwner(String vehicleId) {
    KeyQueryMetadata meta =
        streams.queryMetadataForKey(StoreNames.VEHICLE_STATE, vehicleId, new StringSerializer());
    if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      return Optional.empty();
    }
    HostInfo owner = meta.activeHost();
    if (owner == null || owner.equals(self) || owner.port() < 0) {
      return Optional.empty();
    }
    return Optional.of(owner.host() + ":" + owner.port());
  }

  @Override
  public List<String> peers() {
    return streams.metadataForAllStreamsClients().stream()
        .map(StreamsMetadata::hostInfo)
        .filter(h -> h != null && !h.equals(self) && h.port() > 0)
        .map(h -> h.host() + ":" + h.port())
        .distinct()
        .sorted()
        .toList();
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(
              name, QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new NotReadyException("store " + name + " is not queryable yet: " + e.getMessage(), e);
    }
  }
}
