package io.smartcarpipeline.sim.fleet;

import java.util.EnumSet;
import java.util.Set;

/**
 * What kind of car one simulated vehicle is: identity, battery, consumption, charging power, the
 * units and payload quirks it reports, and where it lives. Immutable.
 *
 * @param vehicleId Smartcar vehicle id (also the API stand-in's id)
 * @param userId the user the vehicle is connected for
 * @param capacityKwh nominal battery capacity ({@code tractionbattery-nominalcapacity})
 * @param kwhPerKm consumption while driving
 * @param acKw onboard AC charger power at home
 * @param dcKw peak DC fast-charging power
 * @param imperial reports range and odometer in {@code miles}
 * @param unsupported signals this car cannot report: sent as {@code status.value ERROR} with {@code
 *     COMPATIBILITY / VEHICLE_NOT_CAPABLE} and no body
 * @param dottedTriggers writes triggers in the older dotted-string form ({@code
 *     "TractionBattery.StateOfCharge"})
 * @param socDecimals decimals of the reported state of charge
 * @param hasVirtualKey for Teslas: whether the application's virtual key is installed
 * @param sleepErrors sends {@code VEHICLE_ERROR ASLEEP} (ERROR, then RESOLVED) around sleep
 * @param homeLatitude home location
 * @param homeLongitude home location
 */
public record VehicleProfile(
    String vehicleId,
    String userId,
    String make,
    String model,
    int year,
    String vin,
    double capacityKwh,
    double kwhPerKm,
    double acKw,
    double dcKw,
    boolean imperial,
    Set<SimSignal> unsupported,
    boolean dottedTriggers,
    int socDecimals,
    boolean hasVirtualKey,
    boolean sleepErrors,
    double homeLatitude,
    double homeLongitude) {

  public VehicleProfile {
    unsupported = unsupported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unsupported));
    if (capacityKwh <= 0 || kwhPerKm <= 0 || acKw <= 0 || dcKw <= 0) {
      throw new IllegalArgumentException("capacity, consumption and powers must be positive");
    }
  }

  /** True for make TESLA. */
  public boolean tesla() {
    return "TESLA".equals(make);
  }

  /** Whether the car reports this signal with a value. */
  public boolean reports(SimSignal signal) {
    return !unsupported.contains(signal);
  }

  /** Whether sessions must be estimated from SoC × capacity (no energy counter). */
  public boolean estimatesEnergy() {
    return !reports(SimSignal.ENERGY_ADDED);
  }
}
