package io.smartcarpipeline.sim.vehicle;

import java.time.Instant;

/**
 * An immutable, consistent copy of one simulated vehicle's state, read under the vehicle's lock;
 * what {@code GET /v3/vehicles/{id}/signals} and {@code GET /_sim/vehicles} render.
 *
 * @param destinationLatitude last destination sent, or {@code null} if none
 * @param destinationLongitude last destination sent, or {@code null} if none
 * @param updatedAt when the state last changed (the signals' {@code oemUpdatedAt})
 * @param socPrecise the state of charge with its fraction ({@code soc} is its floor)
 */
public record VehicleSnapshot(
    String id,
    String userId,
    String make,
    String model,
    int year,
    boolean tesla,
    boolean hasVirtualKey,
    boolean asleep,
    boolean pluggedIn,
    boolean charging,
    int soc,
    int chargeLimit,
    boolean locked,
    double latitude,
    double longitude,
    Double destinationLatitude,
    Double destinationLongitude,
    Instant updatedAt,
    double socPrecise) {

  /** {@code CHARGING}, {@code FULLY_CHARGED} or {@code NOT_CHARGING}, as the signal reports it. */
  public String detailedChargingStatus() {
    if (charging) {
      return "CHARGING";
    }
    return pluggedIn && socPrecise >= chargeLimit ? "FULLY_CHARGED" : "NOT_CHARGING";
  }
}
