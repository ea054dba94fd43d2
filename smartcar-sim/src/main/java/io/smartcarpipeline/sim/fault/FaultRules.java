package io.smartcarpipeline.sim.fault;

import io.smartcarpipeline.sim.vehicle.CommandType;
import java.util.Map;
import java.util.Objects;

/**
 * Which {@link FaultProfile} applies to a request: one for a vehicle if set, else one for the
 * command type if set, else the defaults. Also the JSON body of {@code POST /_sim/faults}.
 *
 * @param defaults the profile for every request without a more specific one
 * @param byCommand profiles by command wire name ({@code charge-start}, …) or request name ({@link
 *     #READ_NAMES}: {@code signals}, {@code connections}, {@code vehicle}, {@code webhooks}, {@code
 *     subscriptions}, {@code compatibility})
 * @param byVehicle profiles by vehicle id
 */
public record FaultRules(
    FaultProfile defaults,
    Map<String, FaultProfile> byCommand,
    Map<String, FaultProfile> byVehicle) {

  /** The request name of {@code GET /v3/vehicles/{id}/signals} in {@code byCommand}. */
  public static final String SIGNALS = "signals";

  /** {@code GET /v3/connections}. */
  public static final String CONNECTIONS = "connections";

  /** {@code GET /v3/vehicles/{id}} (vehicle info). */
  public static final String VEHICLE = "vehicle";

  /** {@code GET /management/v3/webhooks/{id}}. */
  public static final String WEBHOOKS = "webhooks";

  /** Every subscription request of the management API, both path styles. */
  public static final String SUBSCRIPTIONS = "subscriptions";

  /** {@code GET /compatibility/v3/compatible-vehicles}. */
  public static final String COMPATIBILITY = "compatibility";

  /** The request names besides the six commands that {@code byCommand} accepts. */
  public static final java.util.Set<String> READ_NAMES =
      java.util.Set.of(SIGNALS, CONNECTIONS, VEHICLE, WEBHOOKS, SUBSCRIPTIONS, COMPATIBILITY);

  public FaultRules {
    defaults = defaults == null ? FaultProfile.none() : defaults;
    byCommand = byCommand == null ? Map.of() : Map.copyOf(byCommand);
    byVehicle = byVehicle == null ? Map.of() : Map.copyOf(byVehicle);
    for (String name : byCommand.keySet()) {
      if (!READ_NAMES.contains(name) && CommandType.fromWireName(name).isEmpty()) {
        throw new IllegalArgumentException("unknown command in byCommand: " + name);
      }
    }
  }

  /** No faults anywhere. */
  public static FaultRules none() {
    return new FaultRules(FaultProfile.none(), Map.of(), Map.of());
  }

  /** The same profile for every request. */
  public static FaultRules everywhere(FaultProfile profile) {
    return new FaultRules(profile, Map.of(), Map.of());
  }

  /** A copy with a profile for one command type. */
  public FaultRules withCommand(String commandWireName, FaultProfile profile) {
    var copy = new java.util.HashMap<>(byCommand);
    copy.put(commandWireName, Objects.requireNonNull(profile));
    return new FaultRules(defaults, copy, byVehicle);
  }

  /** A copy with a profile for one vehicle. */
  public FaultRules withVehicle(String vehicleId, FaultProfile profile) {
    var copy = new java.util.HashMap<>(byVehicle);
    copy.put(vehicleId, Objects.requireNonNull(profile));
    return new FaultRules(defaults, byCommand, copy);
  }

  /** The profile for a request on this vehicle for this command (or {@link #SIGNALS}). */
  public FaultProfile profileFor(String vehicleId, String command) {
    FaultProfile forVehicle = vehicleId == null ? null : byVehicle.get(vehicleId);
    if (forVehicle != null) {
      return forVehicle;
    }
    return byCommand.getOrDefault(command, defaults);
  }
}
