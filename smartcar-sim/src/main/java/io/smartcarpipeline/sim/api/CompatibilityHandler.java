package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.SmartcarError;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.sim.manage.CompatibilityCatalog;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.smartcarpipeline.sim.vehicle.VehicleSnapshot;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /compatibility/v3/compatible-vehicles?make=&model=&year=} (or {@code vehicleId=}):
 * which signals and commands a make/model/year supports, from the {@link CompatibilityCatalog}.
 * Smartcar's answer shape is unknown (docs/smartcar-v3.md §6.5); the simulator answers {@code
 * {"data":[{"type":"compatible-vehicle","attributes":{make,model,year,region:"US",
 * signals:[{code,supported}],commands:[{type,code,supported}]}}]}}, and {@code {"data":[]}} for a
 * make it does not know. App checks and the fault draw ({@code compatibility}) as everywhere.
 */
public final class CompatibilityHandler {

  public static final String PREFIX = "/compatibility/v3";

  private final SimServices services;
  private final RouteGuard guard;
  private final FaultedAnswer faulted;
  private final CompatibilityCatalog catalog = new CompatibilityCatalog();

  public CompatibilityHandler(Vertx vertx, SimServices services) {
    this.services = services;
    this.guard = new RouteGuard(services);
    this.faulted = new FaultedAnswer(vertx, services);
  }

  /** Route handler. */
  public void handle(RoutingContext ctx) {
    if (!guard.admitApp(ctx)) {
      return;
    }
    String vehicleId = ctx.queryParams().get("vehicleId");
    String make = ctx.queryParams().get("make");
    String model = ctx.queryParams().get("model");
    String yearText = ctx.queryParams().get("year");
    Integer year = null;
    if (vehicleId != null) {
      Optional<VehicleSnapshot> v = services.fleet().get(vehicleId).map(SimVehicle::snapshot);
      if (v.isEmpty()) {
        SimResponses.error(ctx, SmartcarError.notFound("No vehicle with id " + vehicleId + "."));
        return;
      }
      make = v.get().make();
      model = v.get().model();
      year = v.get().year();
    } else {
      try {
        year = yearText == null ? null : Integer.valueOf(yearText.trim());
      } catch (NumberFormatException e) {
        year = null;
      }
      if (make == null || make.isBlank() || model == null || model.isBlank() || year == null) {
        String message = "Give make, model and a numeric year, or vehicleId.";
        SimResponses.error(ctx, SmartcarError.validation(message, List.of(message)));
        return;
      }
    }
    String m = make;
    String mo = model;
    int y = year;
    faulted.respond(
        ctx,
        vehicleId,
        FaultRules.COMPATIBILITY,
        () -> SimResponses.json(ctx, 200, new JsonObject().put("data", render(m, mo, y))));
  }

  private JsonArray render(String make, String model, int year) {
    JsonArray data = new JsonArray();
    catalog
        .support(make)
        .ifPresent(
            support -> {
              JsonArray signals = new JsonArray();
              support
                  .signals()
                  .forEach(
                      (code, ok) ->
                          signals.add(new JsonObject().put("code", code).put("supported", ok)));
              JsonArray commands = new JsonArray();
              support
                  .commands()
                  .forEach(
                      (type, ok) ->
                          commands.add(
                              new JsonObject()
                                  .put("type", CompatibilityCatalog.typeOf(type))
                                  .put("code", type.wireName())
                                  .put("supported", ok)));
              JsonObject attributes =
                  new JsonObject()
                      .put("make", make)
                      .put("model", model)
                      .put("year", year)
                      .put("region", "US")
                      .put("signals", signals)
                      .put("commands", commands);
              data.add(
                  new JsonObject().put("type", "compatible-vehicle").put("attributes", attributes));
            });
    return data;
  }
}
