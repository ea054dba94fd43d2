package io.smartcarpipeline.processors.domain;

/** The Smartcar V3 signal codes the processors read (docs/smartcar-v3.md §3.1, §3.2). */
public final class SignalCodes {

  public static final String IS_CHARGING = "charge-ischarging";
  public static final String DETAILED_CHARGING_STATUS = "charge-detailedchargingstatus";
  public static final String CABLE_CONNECTED = "charge-ischargingcableconnected";
  public static final String WATTAGE = "charge-wattage";
  public static final String ENERGY_ADDED = "charge-energyadded";
  public static final String CHARGE_LIMITS = "charge-chargelimits";
  public static final String FAST_CHARGER_PRESENT = "charge-isfastchargerpresent";
  public static final String FAST_CHARGER_TYPE = "charge-fastchargertype";
  public static final String CONNECTOR_TYPE = "charge-chargingconnectortype";
  public static final String STATE_OF_CHARGE = "tractionbattery-stateofcharge";
  public static final String NOMINAL_CAPACITY = "tractionbattery-nominalcapacity";
  public static final String PRECISE_LOCATION = "location-preciselocation";
  public static final String IS_AT_HOME = "location-isathome";
  public static final String RANGE = "tractionbattery-range";
  public static final String IS_LOCKED = "closure-islocked";
  public static final String IS_ONLINE = "connectivitystatus-isonline";
  public static final String IS_ASLEEP = "connectivitystatus-isasleep";
  public static final String ODOMETER = "odometer-traveleddistance";

  private SignalCodes() {}
}
