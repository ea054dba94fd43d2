package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.fleet.RunningFleet;
import io.smartcarpipeline.sim.fleet.WebhookEvent;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * A vehicle's truth for end-to-end checks ({@code GET /_sim/vehicles/{id}/truth}): per signal code
 * the latest value and its {@code oemUpdatedAt} (epoch ms), so a test can compare the pipeline's
 * state with it. For a fleet vehicle these are the signals of the last {@code VEHICLE_STATE} the
 * fleet generated (sent or not: what the car reported last, {@code "source":"fleet"}); for any
 * other vehicle the values {@code GET /v3/vehicles/{id}/signals} would answer now ({@code
 * "source":"api"}).
 */
public final class TruthView {

  private TruthView() {}

  /** The truth of this vehicle, or empty if the simulator does not know it. */
  public static Optional<JsonObject> of(SimServices services, String vehicleId) {
    Optional<SimVehicle> vehicle = services.fleet().get(vehicleId);
    if (vehicle.isEmpty()) {
      return Optional.empty();
    }
    RunningFleet fleet = services.runningFleet().get();
    Optional<WebhookEvent> event =
        fleet == null ? Optional.empty() : fleet.ledger().latestGeneratedEvent(vehicleId);
    JsonObject signals = new JsonObject();
    String source;
    if (event.isPresent()) {
      source = "fleet";
      event
          .get()
          .values()
          .forEach(
              (code, body) ->
                  signals.put(
                      code,
                      new JsonObject()
                          .put("body", body)
                          .put("oemUpdatedAt", event.get().oemUpdatedAt().get(code))));
    } else {
      source = "api";
      JsonObject answer = SignalsView.render(vehicle.get().snapshot(), services.clock().instant());
      answer
          .getJsonArray("data")
          .forEach(
              item -> {
                JsonObject signal = (JsonObject) item;
                signals.put(
                    signal.getString("id"),
                    new JsonObject()
                        .put("body", signal.getJsonObject("attributes").getValue("body"))
                        .put("oemUpdatedAt", signal.getJsonObject("meta").getLong("oemUpdatedAt")));
              });
    }
    return Optional.of(
        new JsonObject()
            .put("vehicleId", vehicleId)
            .put("source", source)
            .put("simulatedNow", services.simulatedNow().toString())
            .put("signals", signals));
  }
}
