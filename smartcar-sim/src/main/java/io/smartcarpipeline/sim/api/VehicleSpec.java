package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.vehicle.SimFleetState;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.smartcarpipeline.sim.vehicle.SimVehicleBuilder;

/**
 * The JSON body of {@code POST /_sim/vehicles}: {@code id} and {@code userId} are required, every
 * other field is optional and falls back to the {@link SimVehicleBuilder} default; {@code mode}
 * ({@code live}/{@code simulated}, default live) and {@code streamingCapable} (default false)
 * describe the connection.
 */
public record VehicleSpec(
    String id,
    String userId,
    String make,
    String model,
    Integer year,
    Boolean hasVirtualKey,
    Boolean asleep,
    Integer wakeAfterAttempts,
    Boolean pluggedIn,
    Boolean charging,
    Integer soc,
    Integer chargeLimit,
    Boolean locked,
    Double latitude,
    Double longitude,
    String mode,
    Boolean streamingCapable) {

  /** {@code live} unless set. */
  public String connectionMode() {
    return mode == null ? "live" : mode;
  }

  /** Tesla's 8-hour rule applies while it has no virtual key. */
  public boolean isStreamingCapable() {
    return Boolean.TRUE.equals(streamingCapable);
  }

  /** Builds the vehicle; throws {@link IllegalArgumentException} on a missing or bad field. */
  public SimVehicle toVehicle(SimFleetState fleet) {
    if (id == null || id.isBlank() || userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("id and userId are required");
    }
    if (mode != null && !mode.equalsIgnoreCase("live") && !mode.equalsIgnoreCase("simulated")) {
      throw new IllegalArgumentException("mode must be live or simulated, not " + mode);
    }
    SimVehicleBuilder b = fleet.builder(id, userId);
    if (make != null) {
      b.make(make, model == null ? "Model" : model, year == null ? 2024 : year);
    }
    if (hasVirtualKey != null) {
      b.virtualKey(hasVirtualKey);
    }
    if (Boolean.TRUE.equals(asleep)) {
      b.asleep(wakeAfterAttempts == null ? -1 : wakeAfterAttempts);
    }
    if (pluggedIn != null) {
      b.pluggedIn(pluggedIn);
    }
    if (charging != null) {
      b.charging(charging);
    }
    if (soc != null) {
      b.soc(soc);
    }
    if (chargeLimit != null) {
      b.chargeLimit(chargeLimit);
    }
    if (locked != null) {
      b.locked(locked);
    }
    if (latitude != null && longitude != null) {
      b.location(latitude, longitude);
    }
    return b.build();
  }
}
