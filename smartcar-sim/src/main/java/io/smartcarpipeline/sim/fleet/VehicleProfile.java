package io.smartcarpipeline.sim.fleet;

import java.util.Objects;

/**
 * One simulated vehicle: who it is, what kind of car ({@link CarModel}) and where it lives.
 * Immutable.
 *
 * @param vehicleId Smartcar vehicle id (also the API stand-in's id)
 * @param userId the user the vehicle is connected for
 * @param vin its VIN
 * @param car the kind of car: battery, consumption, charging power, units and payload quirks
 * @param homeLatitude home location
 * @param homeLongitude home location
 */
public record VehicleProfile(
    String vehicleId,
    String userId,
    String vin,
    CarModel car,
    double homeLatitude,
    double homeLongitude) {

  public VehicleProfile {
    Objects.requireNonNull(car, "car");
  }

  /** True for make TESLA. */
  public boolean tesla() {
    return car.tesla();
  }

  /** Whether the car reports this signal with a value. */
  public boolean reports(SimSignal signal) {
    return car.reports(signal);
  }

  /** Whether sessions must be estimated from SoC × capacity (no energy counter). */
  public boolean estimatesEnergy() {
    return !reports(SimSignal.ENERGY_ADDED);
  }
}
