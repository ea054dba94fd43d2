package io.smartcarpipeline.sim.vehicle;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated vehicles the stand-in knows, by vehicle id. Thread-safe; shared by the HTTP
 * handlers, the {@code /_sim} admin endpoints, tests and (later) the fleet simulation.
 *
 * <p>Rule: an id maps to at most one vehicle; adding a vehicle with a known id replaces it.
 */
public final class SimFleetState {

  private final Map<String, SimVehicle> vehicles = new ConcurrentHashMap<>();
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final Clock clock;

  public SimFleetState(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The stand-in's clock: command answers, report holds and the fleet's webhook times. */
  public Clock clock() {
    return clock;
  }

  /** A vehicle builder stamped with the simulator's clock; call {@link #add} with the result. */
  public SimVehicleBuilder builder(String vehicleId, String userId) {
    return SimVehicle.builder(vehicleId, userId).clock(clock);
  }

  /** Adds (or replaces) a live, not streaming-capable vehicle connected now and returns it. */
  public SimVehicle add(SimVehicle vehicle) {
    return add(vehicle, "live", false);
  }

  /**
   * Adds (or replaces) a vehicle connected now in this mode ({@code live}/{@code simulated}); a
   * streaming-capable vehicle without a virtual key gets one data read per 8 hours.
   */
  public synchronized SimVehicle add(SimVehicle vehicle, String mode, boolean streamingCapable) {
    Connection connection =
        new Connection(vehicle.id(), vehicle.userId(), mode, clock.instant(), streamingCapable);
    vehicles.put(vehicle.id(), vehicle);
    connections.put(vehicle.id(), connection);
    return vehicle;
  }

  /** The connection of this vehicle, if it is connected. */
  public Optional<Connection> connection(String vehicleId) {
    return Optional.ofNullable(connections.get(vehicleId));
  }

  /** Every connection, ordered by connection time, then vehicle id (a stable paging order). */
  public List<Connection> connections() {
    return connections.values().stream()
        .sorted(Comparator.comparing(Connection::connectedAt).thenComparing(Connection::vehicleId))
        .toList();
  }

  /** The vehicle with this id, if known. */
  public Optional<SimVehicle> get(String vehicleId) {
    return Optional.ofNullable(vehicles.get(vehicleId));
  }

  /** The vehicle with this id; throws if unknown (for tests and demos). */
  public SimVehicle require(String vehicleId) {
    return get(vehicleId)
        .orElseThrow(() -> new IllegalArgumentException("unknown vehicle " + vehicleId));
  }

  /** Removes a vehicle; true if it was known. */
  public synchronized boolean remove(String vehicleId) {
    connections.remove(vehicleId);
    return vehicles.remove(vehicleId) != null;
  }

  /** All vehicles, ordered by id. */
  public List<SimVehicle> all() {
    return vehicles.values().stream().sorted(Comparator.comparing(SimVehicle::id)).toList();
  }

  public int size() {
    return vehicles.size();
  }
}
