package io.smartcarpipeline.sim.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns a vehicle's exact {@link Readings} into the signal bodies a real car of that profile would
 * send, with the spellings seen in real payloads (docs/smartcar-v3.md §2.6): {@code percent},
 * {@code kWh}, {@code watts}, {@code volts}, {@code ampere}, {@code km} or {@code miles} for
 * imperial cars, {@code minutes}; integers where cars send integers. A signal the profile does not
 * support maps to {@code null} (sent as an ERROR signal without a body).
 */
public final class SignalRenderer {

  static final double KM_PER_MILE = 1.609344;

  private SignalRenderer() {}

  /** Every signal of the catalogue, in catalogue order; {@code null} body = not supported. */
  public static Map<SimSignal, JsonObject> render(VehicleProfile p, Readings r) {
    Map<SimSignal, JsonObject> out = new EnumMap<>(SimSignal.class);
    for (SimSignal signal : SimSignal.values()) {
      out.put(signal, p.reports(signal) ? body(signal, p, r) : null);
    }
    return out;
  }

  private static JsonObject body(SimSignal signal, VehicleProfile p, Readings r) {
    return switch (signal) {
      case IS_CHARGING -> value(r.charging());
      case DETAILED_CHARGING_STATUS -> value(r.detailedChargingStatus());
      case CABLE_CONNECTED -> value(r.pluggedIn());
      case WATTAGE -> value(Math.round(r.wattage() / 10) * 10).put("unit", "watts");
      case VOLTAGE -> value(Math.round(r.voltage())).put("unit", "volts");
      case AMPERAGE -> value(round(r.amperage(), 1)).put("unit", "ampere");
      case ENERGY_ADDED -> value(round(r.energyAddedKwh(), 2)).put("unit", "kWh");
      case CHARGE_LIMITS -> chargeLimits(r);
      case TIME_TO_COMPLETE -> value(Math.round(r.timeToCompleteMinutes())).put("unit", "minutes");
      case FAST_CHARGER_PRESENT -> value(r.fastCharger());
      case FAST_CHARGER_TYPE -> value(r.fastCharger() ? "CCS" : null);
      case STATE_OF_CHARGE -> value(soc(p, r.soc())).put("unit", "percent");
      case RANGE ->
          value(distance(p, r.rangeKm()))
              .put("additionalValues", new JsonArray())
              .put("unit", distanceUnit(p));
      case NOMINAL_CAPACITY -> nominalCapacity(p);
      case ODOMETER -> value(distance(p, r.odometerKm())).put("unit", distanceUnit(p));
      case PRECISE_LOCATION ->
          new JsonObject()
              .put("latitude", round(r.latitude(), 5))
              .put("longitude", round(r.longitude(), 5))
              .put("heading", r.heading())
              .put("locationType", "CURRENT");
      case IS_AT_HOME -> value(r.atHome());
      case IS_LOCKED -> value(r.locked());
      case IS_ASLEEP -> value(r.asleep());
      case IS_ONLINE -> value(!r.asleep());
      case VIN -> value(p.vin());
    };
  }

  /** The reported state of charge: an integer, or with the profile's decimals. */
  static Number soc(VehicleProfile p, double soc) {
    return p.car().socDecimals() == 0
        ? (Number) Math.round(soc)
        : (Number) round(soc, p.car().socDecimals());
  }

  private static long distance(VehicleProfile p, double km) {
    return Math.round(p.car().imperial() ? km / KM_PER_MILE : km);
  }

  private static String distanceUnit(VehicleProfile p) {
    return p.car().imperial() ? "miles" : "km";
  }

  private static JsonObject chargeLimits(Readings r) {
    JsonObject global =
        new JsonObject().put("type", "GLOBAL").put("limit", r.chargeLimit()).putNull("condition");
    return new JsonObject()
        .put("values", new JsonArray().add(global))
        .put("activeLimit", r.pluggedIn() ? r.chargeLimit() : null)
        .put("unit", "percent");
  }

  private static JsonObject nominalCapacity(VehicleProfile p) {
    JsonObject available =
        new JsonObject().put("capacity", p.car().capacityKwh()).put("description", p.car().model());
    return new JsonObject()
        .put("capacity", p.car().capacityKwh())
        .put("source", "SMARTCAR")
        .put("availableCapacities", new JsonArray().add(available))
        .put("unit", "kWh");
  }

  private static JsonObject value(Object value) {
    return new JsonObject().put("value", value);
  }

  static double round(double value, int decimals) {
    return FleetProfiles.round(value, decimals);
  }
}
