package io.smartcarpipeline.sim.fleet;

/**
 * The V3 signals the simulated fleet reports (docs/smartcar-v3.md §3), with their wire code,
 * PascalCase name and group. Rule: every subscribed signal is in every {@code VEHICLE_STATE}
 * (§2.4); only a change of a {@link #trigger()} signal makes one fire.
 */
public enum SimSignal {
  IS_CHARGING("charge-ischarging", "IsCharging", "Charge", true),
  DETAILED_CHARGING_STATUS(
      "charge-detailedchargingstatus", "DetailedChargingStatus", "Charge", true),
  CABLE_CONNECTED("charge-ischargingcableconnected", "IsChargingCableConnected", "Charge", true),
  WATTAGE("charge-wattage", "Wattage", "Charge", true),
  VOLTAGE("charge-voltage", "Voltage", "Charge", false),
  AMPERAGE("charge-amperage", "Amperage", "Charge", false),
  ENERGY_ADDED("charge-energyadded", "EnergyAdded", "Charge", true),
  CHARGE_LIMITS("charge-chargelimits", "ChargeLimits", "Charge", true),
  TIME_TO_COMPLETE("charge-timetocomplete", "TimeToComplete", "Charge", false),
  FAST_CHARGER_PRESENT("charge-isfastchargerpresent", "IsFastChargerPresent", "Charge", true),
  FAST_CHARGER_TYPE("charge-fastchargertype", "FastChargerType", "Charge", false),
  STATE_OF_CHARGE("tractionbattery-stateofcharge", "StateOfCharge", "TractionBattery", true),
  RANGE("tractionbattery-range", "Range", "TractionBattery", false),
  NOMINAL_CAPACITY("tractionbattery-nominalcapacity", "NominalCapacity", "TractionBattery", false),
  ODOMETER("odometer-traveleddistance", "TraveledDistance", "Odometer", true),
  PRECISE_LOCATION("location-preciselocation", "PreciseLocation", "Location", true),
  IS_AT_HOME("location-isathome", "IsAtHome", "Location", true),
  IS_LOCKED("closure-islocked", "IsLocked", "Closure", true),
  IS_ASLEEP("connectivitystatus-isasleep", "IsAsleep", "ConnectivityStatus", true),
  IS_ONLINE("connectivitystatus-isonline", "IsOnline", "ConnectivityStatus", true),
  VIN("vehicleidentification-vin", "VIN", "VehicleIdentification", false);

  private final String code;
  private final String signalName;
  private final String group;
  private final boolean trigger;

  SimSignal(String code, String signalName, String group, boolean trigger) {
    this.code = code;
    this.signalName = signalName;
    this.group = group;
    this.trigger = trigger;
  }

  /** Kebab-case {@code group-name}, e.g. {@code tractionbattery-stateofcharge}. */
  public String code() {
    return code;
  }

  /** PascalCase name, e.g. {@code StateOfCharge}. */
  public String signalName() {
    return signalName;
  }

  /** PascalCase group, e.g. {@code TractionBattery}. */
  public String group() {
    return group;
  }

  /**
   * The older dotted form used in some captured triggers: {@code TractionBattery.StateOfCharge}.
   */
  public String dotted() {
    return group + "." + signalName;
  }

  /** Whether a change of this signal fires a {@code VEHICLE_STATE} delivery. */
  public boolean trigger() {
    return trigger;
  }
}
