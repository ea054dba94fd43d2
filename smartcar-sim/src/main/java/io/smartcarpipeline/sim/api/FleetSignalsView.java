package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.fleet.RunningFleet;
import io.smartcarpipeline.sim.fleet.WebhookEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The REST signals answer (docs/smartcar-v3.md §6.4) of a fleet vehicle: the signals of the last
 * {@code VEHICLE_STATE} the fleet generated for it (sent or not), with the same bodies, statuses
 * and {@code oemUpdatedAt} as that webhook and {@code retrievedAt} = now on the clock the fleet
 * stamps its webhooks with ({@link RunningFleet#reportedNow()}). So an API read fills in exactly
 * what a dropped delivery carried, and equals the {@link TruthView}.
 */
public final class FleetSignalsView {

  private FleetSignalsView() {}

  /** The answer, or empty when no fleet runs or it generated nothing for this vehicle yet. */
  public static Optional<JsonObject> of(SimServices services, String vehicleId) {
    RunningFleet fleet = services.runningFleet().get();
    if (fleet == null) {
      return Optional.empty();
    }
    return fleet
        .ledger()
        .latestGeneratedEvent(vehicleId)
        .map(e -> render(e, fleet.reportedNow().toEpochMilli()));
  }

  static JsonObject render(WebhookEvent event, long retrievedAt) {
    JsonObject vehicle = event.body().getJsonObject("data").getJsonObject("vehicle");
    JsonArray signals = event.body().getJsonObject("data").getJsonArray("signals");
    JsonArray data = new JsonArray();
    for (int i = 0; i < signals.size(); i++) {
      JsonObject s = signals.getJsonObject(i);
      String code = s.getString("code");
      JsonObject meta = s.getJsonObject("meta", new JsonObject());
      JsonObject attributes =
          new JsonObject()
              .put("code", code)
              .put("name", s.getString("name"))
              .put("group", s.getString("group"))
              .put("status", s.getJsonObject("status"));
      if (s.containsKey("body")) {
        attributes.put("body", s.getValue("body"));
      }
      data.add(
          new JsonObject()
              .put("id", code)
              .put("type", "signal")
              .put("attributes", attributes)
              .put(
                  "meta",
                  new JsonObject()
                      .put("retrievedAt", retrievedAt)
                      .put("oemUpdatedAt", meta.getValue("oemUpdatedAt")))
              .put(
                  "links",
                  new JsonObject()
                      .put("self", "/vehicles/" + event.vehicleId() + "/signals/" + code)));
    }
    return new JsonObject()
        .put("data", data)
        .put(
            "meta",
            new JsonObject()
                .put("totalCount", data.size())
                .put("pageSize", data.size())
                .put("page", 1))
        .put("links", new JsonObject().put("self", "/vehicles/" + event.vehicleId() + "/signals"))
        .put("included", new JsonObject().put("vehicle", vehicle == null ? null : vehicle.copy()));
  }
}
