package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.EnergySource;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.events.VehicleInfo;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.history.SocSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A read model in memory; {@link #owners} and {@link #peers} stand in for other instances. */
final class FakeReadModel implements VehicleReadModel {
  private final Instant t;
  final Map<String, String> owners = new HashMap<>();
  final List<String> peers = new ArrayList<>();

  final List<VehicleState> states = new ArrayList<>();
  final List<CommandResult> commands = new ArrayList<>();
  final List<CommandConfirmation> confirmations = new ArrayList<>();
  final List<SocSeries.Point> history = new ArrayList<>();
  boolean ready = true;

  @Override
  public Optional<VehicleState> state(String vehicleId) {
    check();
    return states.stream().filter(s -> s.getVehicleId().equals(vehicleId)).findFirst();
  }

  @Override
  public List<String> vehicleIds(String after, int limit) {
    check();
    return states.stream()
        .map(VehicleState::getVehicleId)
        .filter(id -> after == null || id.compareTo(after) > 0)
        .sorted()
        .limit(limit)
        .toList();
  }

  @Override
  public List<ChargingSession> sessions(String vehicleId, int limit) {
    check();
    return List.of(
        ChargingSession.newBuilder()
            .setSessionId(vehicleId + ":1")
            .setVehicleId(vehicleId)
            .setStatus(SessionStatus.ACTIVE)
            .setRevision(1)
            .setStartedAt(t)
            .setEnergySource(EnergySource.UNKNOWN)
            .setUpdatedAt(t)
            .build());
  }

  @Override
  public List<VehicleState> states() {
    check();
    return List.copyOf(states);
  }

  @Override
  public List<ChargingSession> allSessions() {
    check();
    return states.stream()
        .map(
            s ->
                ChargingSession.newBuilder(sessions(s.getVehicleId(), 1).get(0))
                    .setStatus(SessionStatus.COMPLETED)
                    .setEnergyKwh(12.5)
                    .build())
        .toList();
  }

  @Override
  public List<CommandResult> recentCommands(String vehicleId, int limit) {
    check();
    return commands.stream()
        .filter(c -> vehicleId == null || c.getVehicleId().equals(vehicleId))
        .sorted(java.util.Comparator.comparing(CommandResult::getCompletedAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public Map<String, CommandConfirmation> confirmations(String vehicleId) {
    check();
    Map<String, CommandConfirmation> out = new HashMap<>();
    confirmations.stream()
        .filter(c -> vehicleId == null || c.getVehicleId().equals(vehicleId))
        .forEach(c -> out.put(c.getCommandId(), c));
    return out;
  }

  @Override
  public List<SocSeries.Point> socHistory(String vehicleId) {
    check();
    return List.copyOf(history);
  }

  FakeReadModel(Instant t) {
    this.t = t;
  }

  /** A minimal state of a Tesla updated at {@code at}. */
  static VehicleState state(String id, Instant at) {
    return VehicleState.newBuilder()
        .setVehicleId(id)
        .setVehicle(new VehicleInfo("TESLA", "Model 3", 2020))
        .setUpdatedAt(at)
        .build();
  }

  @Override
  public Optional<String> remoteOwner(String vehicleId) {
    return Optional.ofNullable(owners.get(vehicleId));
  }

  @Override
  public List<String> peers() {
    return List.copyOf(peers);
  }

  private void check() {
    if (!ready) {
      throw new NotReadyException("restoring", null);
    }
  }
}
