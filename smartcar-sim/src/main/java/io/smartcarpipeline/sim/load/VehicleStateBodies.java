package io.smartcarpipeline.sim.load;

import io.smartcarpipeline.sim.fleet.SimSignal;
import io.smartcarpipeline.sim.fleet.WebhookPayloads;
import java.util.Locale;
import java.util.UUID;

/**
 * Realistic Smartcar V3 {@code VEHICLE_STATE} webhook bodies for load runs, modelled on the
 * captured deliveries in the {@code webhook-fixtures} module (a Jaguar I-PACE "all signals" webhook
 * has 30 signals, including the error-status ones real vehicles report). Rule: every body has its
 * own {@code eventId} and {@code deliveryId}, and a 10-signal body is the first ten of the 30 (the
 * ones a charging webhook subscribes to). Signals the fleet also sends take their code, name and
 * group from its {@link SimSignal} catalogue, and {@code meta.version} is {@link
 * WebhookPayloads#VERSION}. Built with a {@link StringBuilder} rather than the fleet's {@code
 * JsonObject}s, because a load run makes one per request on the generating event loop and must stay
 * cheap (a few µs).
 */
public final class VehicleStateBodies {

  /** The largest webhook: every signal of the catalogue. */
  public static final int MAX_SIGNALS = 30;

  private VehicleStateBodies() {}

  /** The body of a VEHICLE_STATE delivery with the first {@code signals} signals. */
  public static String vehicleState(Reading r, UUID eventId, UUID deliveryId, int signals) {
    if (signals < 1 || signals > MAX_SIGNALS) {
      throw new IllegalArgumentException("signals must be 1.." + MAX_SIGNALS);
    }
    StringBuilder b = new StringBuilder(signals * 190 + 700);
    b.append("{\"eventId\":\"").append(eventId).append("\",\"eventType\":\"VEHICLE_STATE\",");
    b.append("\"data\":{\"user\":{\"id\":\"").append(r.userId()).append("\"},");
    b.append("\"vehicle\":{\"id\":\"").append(r.vehicleId());
    b.append("\",\"make\":\"JAGUAR\",\"model\":\"I-PACE\",\"year\":2021},\"signals\":[");
    String meta = meta(r.oemUpdatedAt());
    for (int i = 0; i < signals; i++) {
      if (i > 0) {
        b.append(',');
      }
      signal(b, i, r, meta);
    }
    b.append("]},\"triggers\":[{\"type\":\"SIGNAL_UPDATED\",\"signal\":\"")
        .append(r.charging() ? "Charge.IsCharging" : "TractionBattery.StateOfCharge")
        .append("\"}],\"meta\":{\"deliveryId\":\"")
        .append(deliveryId)
        .append("\",\"deliveredAt\":")
        .append(r.oemUpdatedAt() + 900)
        .append(",\"version\":\"")
        .append(WebhookPayloads.VERSION)
        .append("\",\"webhookId\":\"155db8be-4df1-4910-b651-dea9bea108f2\",")
        .append("\"webhookName\":\"bench\",\"mode\":\"LIVE\",\"signalCount\":")
        .append(signals)
        .append("}}");
    return b.toString();
  }

  private static String meta(long oemUpdatedAt) {
    return ",\"meta\":{\"oemUpdatedAt\":"
        + oemUpdatedAt
        + ",\"retrievedAt\":"
        + (oemUpdatedAt + 800)
        + "},\"status\":{\"value\":\"SUCCESS\"}}";
  }

  private static void ok(StringBuilder b, SimSignal s, String body) {
    ok(b, s.code(), s.signalName(), s.group(), body);
  }

  private static void ok(StringBuilder b, String code, String name, String group, String body) {
    b.append("{\"code\":\"").append(code).append("\",\"name\":\"").append(name);
    b.append("\",\"group\":\"").append(group).append("\",\"body\":").append(body);
  }

  private static void error(StringBuilder b, String code, String name, String group, String type) {
    b.append("{\"code\":\"").append(code).append("\",\"name\":\"").append(name);
    b.append("\",\"group\":\"").append(group).append("\",\"status\":{\"value\":\"ERROR\",");
    b.append("\"error\":{\"type\":\"").append(type).append("\",\"code\":null}}}");
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static void signal(StringBuilder b, int i, Reading r, String meta) {
    switch (i) {
      case 0 ->
          ok(b, SimSignal.STATE_OF_CHARGE, "{\"value\":" + r.soc() + ",\"unit\":\"percent\"}");
      case 1 ->
          ok(
              b,
              SimSignal.RANGE,
              "{\"value\":" + (r.soc() * 4) + ",\"additionalValues\":[],\"unit\":\"km\"}");
      case 2 ->
          ok(b, SimSignal.ODOMETER, "{\"value\":" + num(r.odometerKm()) + ",\"unit\":\"km\"}");
      case 3 -> ok(b, SimSignal.IS_CHARGING, "{\"value\":" + r.charging() + "}");
      case 4 -> ok(b, SimSignal.CABLE_CONNECTED, "{\"value\":" + r.plugged() + "}");
      case 5 ->
          ok(
              b,
              SimSignal.DETAILED_CHARGING_STATUS,
              "{\"value\":\""
                  + (r.charging() ? "CHARGING" : r.plugged() ? "NOT_CHARGING" : "DISCONNECTED")
                  + "\"}");
      case 6 -> ok(b, SimSignal.WATTAGE, "{\"value\":" + num(r.powerKw()) + ",\"unit\":\"kW\"}");
      case 7 ->
          ok(
              b,
              SimSignal.CHARGE_LIMITS,
              "{\"values\":[{\"type\":\"GLOBAL\",\"limit\":80,\"condition\":null}],\"activeLimit\":80,\"unit\":\"percent\"}");
      case 8 ->
          ok(
              b,
              SimSignal.PRECISE_LOCATION,
              "{\"latitude\":"
                  + r.latitude()
                  + ",\"longitude\":"
                  + r.longitude()
                  + ",\"heading\":94}");
      case 9 -> ok(b, SimSignal.IS_LOCKED, "{\"value\":" + r.locked() + "}");
      case 10 ->
          ok(b, SimSignal.VOLTAGE, "{\"value\":" + (r.charging() ? 400 : 0) + ",\"unit\":\"V\"}");
      case 11 ->
          ok(
              b,
              "lowvoltagebattery-stateofcharge",
              "StateOfCharge",
              "LowVoltageBattery",
              "{\"value\":100,\"unit\":\"percent\"}");
      case 12 ->
          ok(
              b,
              "closure-doors",
              "Doors",
              "Closure",
              "{\"values\":[{\"row\":0,\"column\":0,\"isOpen\":false,\"isLocked\":true},{\"row\":0,\"column\":1,\"isOpen\":false,\"isLocked\":true},{\"row\":1,\"column\":0,\"isOpen\":false,\"isLocked\":true},{\"row\":1,\"column\":1,\"isOpen\":false,\"isLocked\":true}],\"rowCount\":2,\"columnCount\":2}");
      case 13 ->
          ok(
              b,
              "closure-windows",
              "Windows",
              "Closure",
              "{\"values\":[{\"row\":0,\"column\":0,\"isOpen\":false},{\"row\":0,\"column\":1,\"isOpen\":false},{\"row\":1,\"column\":0,\"isOpen\":false},{\"row\":1,\"column\":1,\"isOpen\":false}],\"rowCount\":2,\"columnCount\":2}");
      case 14 -> ok(b, "closure-enginecover", "EngineCover", "Closure", "{\"isOpen\":false}");
      case 15 ->
          ok(
              b,
              "closure-reartrunk",
              "RearTrunk",
              "Closure",
              "{\"isOpen\":false,\"isLocked\":true}");
      case 16 ->
          ok(
              b,
              "closure-fronttrunk",
              "FrontTrunk",
              "Closure",
              "{\"isOpen\":false,\"isLocked\":false}");
      case 17 ->
          ok(
              b,
              SimSignal.NOMINAL_CAPACITY,
              "{\"capacity\":90,\"source\":\"USER_SELECTED\",\"availableCapacities\":[{\"capacity\":90,\"description\":\"BEV:EV400 AWD\"}],\"unit\":\"kWh\"}");
      case 18 -> ok(b, SimSignal.VIN, "{\"value\":\"SADHA2A10M1610715\"}");
      case 19 ->
          ok(
              b,
              "climate-externaltemperature",
              "ExternalTemperature",
              "Climate",
              "{\"value\":11.5,\"unit\":\"celsius\"}");
      case 20 ->
          ok(
              b,
              "climate-internaltemperature",
              "InternalTemperature",
              "Climate",
              "{\"value\":19.0,\"unit\":\"celsius\"}");
      case 21 -> ok(b, SimSignal.IS_ONLINE, "{\"value\":true}");
      case 22 -> ok(b, SimSignal.IS_ASLEEP, "{\"value\":false}");
      case 23 ->
          error(b, "lowvoltagebattery-status", "Status", "LowVoltageBattery", "COMPATIBILITY");
      case 24 -> error(b, "service-records", "Records", "Service", "COMPATIBILITY");
      case 25 -> error(b, "diagnostics-dtccount", "DTCCount", "Diagnostics", "PERMISSION");
      case 26 -> error(b, "diagnostics-dtclist", "DTCList", "Diagnostics", "PERMISSION");
      case 27 -> error(b, "diagnostics-evhvbattery", "EVHVBattery", "Diagnostics", "PERMISSION");
      case 28 ->
          error(b, "hvac-cabintargettemperature", "CabinTargetTemperature", "HVAC", "PERMISSION");
      default -> error(b, "hvac-iscabinhvacactive", "IsCabinHVACActive", "HVAC", "PERMISSION");
    }
    if (i <= 22) {
      b.append(meta);
    }
  }
}
