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
      JsonObject attributes =
          SignalsDocument.attributes(
              s.getString("code"),
              s.getString("name"),
              s.getString("group"),
              s.getJsonObject("status"));
      if (s.containsKey("body")) {
        attributes.put("body", s.getValue("body"));
      }
      Object oemUpdatedAt = s.getJsonObject("meta", new JsonObject()).getValue("oemUpdatedAt");
      data.add(SignalsDocument.signal(event.vehicleId(), attributes, retrievedAt, oemUpdatedAt));
    }
    return SignalsDocument.answer(event.vehicleId(), data, vehicle == null ? null : vehicle.copy());
  }
}
