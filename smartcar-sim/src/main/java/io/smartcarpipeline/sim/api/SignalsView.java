package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.vehicle.VehicleSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Renders a vehicle's state as the V3 REST signals answer (docs/smartcar-v3.md §6.4): a JSON:API
 * list of {@code signal} resources with {@code meta.retrievedAt/oemUpdatedAt} (epoch millis, as in
 * webhooks), paging meta, links and {@code included.vehicle}.
 *
 * <p>Signals: charge state, plug, charge limits, state of charge, lock, location, sleep/online, and
 * {@code navigation-destination} (sim-only: V3 has no destination signal; it lets tests see the
 * effect of set-destination). Plain Java apart from the JSON type.
 */
public final class SignalsView {

  private SignalsView() {}

  /** The whole answer for one vehicle, read at {@code retrievedAt}. */
  public static JsonObject render(VehicleSnapshot v, Instant retrievedAt) {
    return render(v, retrievedAt, v.updatedAt());
  }

  /** The whole answer for one vehicle, read at {@code retrievedAt}, reported at {@code oemAt}. */
  public static JsonObject render(VehicleSnapshot v, Instant retrievedAt, Instant oemAt) {
    JsonArray data = new JsonArray();
    Context c = new Context(v, oemAt.toEpochMilli(), retrievedAt.toEpochMilli(), data);
    c.add("charge-ischarging", "IsCharging", "Charge", value(v.charging()));
    c.add(
        "charge-detailedchargingstatus",
        "DetailedChargingStatus",
        "Charge",
        value(v.detailedChargingStatus()));
    c.add(
        "charge-ischargingcableconnected",
        "IsChargingCableConnected",
        "Charge",
        value(v.pluggedIn()));
    c.add("charge-chargelimits", "ChargeLimits", "Charge", chargeLimits(v));
    c.add(
        "tractionbattery-stateofcharge",
        "StateOfCharge",
        "TractionBattery",
        value(v.soc()).put("unit", "percent"));
    c.add("closure-islocked", "IsLocked", "Closure", value(v.locked()));
    c.add(
        "location-preciselocation",
        "PreciseLocation",
        "Location",
        new JsonObject()
            .put("latitude", v.latitude())
            .put("longitude", v.longitude())
            .put("locationType", "CURRENT"));
    c.add("connectivitystatus-isasleep", "IsAsleep", "ConnectivityStatus", value(v.asleep()));
    c.add("connectivitystatus-isonline", "IsOnline", "ConnectivityStatus", value(true));
    if (v.destinationLatitude() != null) {
      c.add(
          "navigation-destination",
          "Destination",
          "Navigation",
          new JsonObject()
              .put("latitude", v.destinationLatitude())
              .put("longitude", v.destinationLongitude()));
    }
    return SignalsDocument.answer(
        v.id(),
        data,
        new JsonObject()
            .put("id", v.id())
            .put("make", v.make())
            .put("model", v.model())
            .put("year", v.year()));
  }

  private record Context(VehicleSnapshot v, long oemUpdatedAt, long retrievedAt, JsonArray data) {
    void add(String code, String name, String group, JsonObject body) {
      JsonObject attributes =
          SignalsDocument.attributes(code, name, group, new JsonObject().put("value", "SUCCESS"))
              .put("body", body);
      data.add(SignalsDocument.signal(v.id(), attributes, retrievedAt, oemUpdatedAt));
    }
  }

  private static JsonObject value(Object value) {
    return new JsonObject().put("value", value);
  }

  private static JsonObject chargeLimits(VehicleSnapshot v) {
    JsonObject global =
        new JsonObject().put("type", "GLOBAL").put("limit", v.chargeLimit()).putNull("condition");
    return new JsonObject()
        .put("values", new JsonArray().add(global))
        .put("activeLimit", v.pluggedIn() ? v.chargeLimit() : null)
        .put("unit", "percent");
  }
}
