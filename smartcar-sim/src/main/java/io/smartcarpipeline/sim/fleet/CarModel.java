package io.smartcarpipeline.sim.fleet;

import java.util.EnumSet;
import java.util.Set;

/**
 * What every simulated vehicle of one kind shares: make, model and year, battery, consumption,
 * charging power, and the units and payload quirks it reports. A {@link VehicleProfile} is one
 * vehicle of such a kind. Immutable.
 *
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
 */
public record CarModel(
    String make,
    String model,
    int year,
    double capacityKwh,
    double kwhPerKm,
    double acKw,
    double dcKw,
    boolean imperial,
    Set<SimSignal> unsupported,
    boolean dottedTriggers,
    int socDecimals,
    boolean hasVirtualKey,
    boolean sleepErrors) {

  public CarModel {
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
}
