package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.events.Location;
import io.smartcarpipeline.events.SignalSnapshot;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.VehicleError;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.SignalCodes;
import io.smartcarpipeline.processors.domain.Units;
import io.smartcarpipeline.processors.domain.history.SocReading;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One vehicle's line on the fleet page, read from its {@link VehicleState}: identity, SoC, range,
 * charging state, plug, lock, location, connectivity, open errors and signals whose last read
 * failed. A signal the vehicle never reported is {@code null}, never a guess; the newest good value
 * is kept while a later read fails (that signal is listed in {@code failingSignals}).
 */
final class VehicleSummary {

  private VehicleSummary() {}

  static JsonObject of(VehicleState s) {
    JsonObject out =
        new JsonObject()
            .put("vehicleId", s.getVehicleId())
            .put("make", s.getVehicle().getMake())
            .put("model", s.getVehicle().getModel())
            .put("year", s.getVehicle().getYear());
    SignalValue soc = value(s, SignalCodes.STATE_OF_CHARGE);
    out.put("soc", soc == null ? null : Units.percent(soc).orElse(null));
    out.put("socAt", time(s.getSignals().get(SignalCodes.STATE_OF_CHARGE)));
    SignalValue range = value(s, SignalCodes.RANGE);
    out.put("range", range == null ? null : range.getNumberValue());
    out.put("rangeUnit", range == null ? null : range.getUnit());
    out.put("charging", SocReading.charging(s));
    out.put("chargingStatus", text(s, SignalCodes.DETAILED_CHARGING_STATUS));
    SignalValue wattage = value(s, SignalCodes.WATTAGE);
    out.put("powerKw", wattage == null ? null : Units.kilowatts(wattage).orElse(null));
    SignalValue limits = value(s, SignalCodes.CHARGE_LIMITS);
    out.put(
        "chargeLimit",
        limits == null || limits.getChargeLimits() == null
            ? null
            : limits.getChargeLimits().getActiveLimit());
    out.put("plugged", bool(s, SignalCodes.CABLE_CONNECTED));
    out.put("locked", bool(s, SignalCodes.IS_LOCKED));
    out.put("online", bool(s, SignalCodes.IS_ONLINE));
    out.put("asleep", bool(s, SignalCodes.IS_ASLEEP));
    out.put("atHome", bool(s, SignalCodes.IS_AT_HOME));
    out.put("location", location(value(s, SignalCodes.PRECISE_LOCATION)));
    out.put("openErrors", errors(s));
    out.put("failingSignals", failing(s));
    out.put("lastEventAt", iso(s.getLastEventAt()));
    out.put("updatedAt", iso(s.getUpdatedAt()));
    return out;
  }

  private static JsonObject location(SignalValue v) {
    if (v == null || v.getLocation() == null) {
      return null;
    }
    Location l = v.getLocation();
    return new JsonObject().put("latitude", l.getLatitude()).put("longitude", l.getLongitude());
  }

  private static JsonArray errors(VehicleState s) {
    JsonArray out = new JsonArray();
    for (VehicleError e : s.getOpenErrors()) {
      out.add(
          new JsonObject()
              .put("type", e.getType())
              .put("code", e.getCode())
              .put("description", e.getDescription()));
    }
    return out;
  }

  private static JsonArray failing(VehicleState s) {
    JsonArray out = new JsonArray();
    s.getSignals().values().stream()
        .filter(snap -> snap.getError() != null)
        .map(SignalSnapshot::getCode)
        .sorted()
        .forEach(out::add);
    return out;
  }

  private static SignalValue value(VehicleState s, String code) {
    SignalSnapshot snap = s.getSignals().get(code);
    return snap == null ? null : snap.getValue();
  }

  private static Boolean bool(VehicleState s, String code) {
    SignalValue v = value(s, code);
    return v == null ? null : v.getBooleanValue();
  }

  private static String text(VehicleState s, String code) {
    SignalValue v = value(s, code);
    return v == null ? null : v.getTextValue();
  }

  private static String time(SignalSnapshot snap) {
    if (snap == null) {
      return null;
    }
    return iso(snap.getOemUpdatedAt() != null ? snap.getOemUpdatedAt() : snap.getRetrievedAt());
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
