package io.smartcarpipeline.fleetsync.api;

import io.smartcarpipeline.events.Capability;
import io.smartcarpipeline.events.Compatibility;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.fleetsync.sync.CallPriority;
import io.smartcarpipeline.fleetsync.sync.FleetView;
import io.smartcarpipeline.smartcar.fleet.CompatibilityApi;
import io.smartcarpipeline.smartcar.fleet.CompatibilityReport;
import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /compatibility?vehicle=V} or {@code ?make=M&model=M&year=Y}: what the Compatibility
 * API says the vehicle supports (cached per make/model/year); for a known vehicle the answer is
 * also kept on its connection record. 400 for missing parameters, 404 for a vehicle fleet-sync does
 * not know, 502 when Smartcar gave no readable answer.
 */
public final class CompatibilityRoutes {

  private CompatibilityRoutes() {}

  /**
   * @param priority runs each question on the service context (the caller's budget is not
   *     thread-safe) and before gap-filling reads
   */
  public static void mount(
      Router router, CompatibilityApi api, FleetView fleet, CallPriority priority) {
    router.get("/compatibility").handler(ctx -> handle(ctx, api, fleet, priority));
  }

  private static void handle(
      RoutingContext ctx, CompatibilityApi api, FleetView fleet, CallPriority priority) {
    String vehicleId = ctx.queryParams().get("vehicle");
    String make = ctx.queryParams().get("make");
    String model = ctx.queryParams().get("model");
    Integer year = year(ctx.queryParams().get("year"));
    if (vehicleId != null) {
      VehicleConnection c = fleet.get(vehicleId).orElse(null);
      if (c == null) {
        HttpErrors.respond(
            ctx,
            404,
            "VEHICLE_UNKNOWN",
            "fleet-sync does not know vehicle "
                + vehicleId
                + "; is it connected? (POST /sync), or ask by --make/--model/--year");
        return;
      }
      if (c.getMake() == null || c.getModel() == null || c.getYear() == null) {
        HttpErrors.respond(
            ctx,
            409,
            "VEHICLE_DETAILS_UNKNOWN",
            "Smartcar listed no make, model and year for "
                + vehicleId
                + "; ask by make/model/year");
        return;
      }
      make = c.getMake();
      model = c.getModel();
      year = c.getYear();
    } else if (make == null || model == null || year == null) {
      HttpErrors.respond(
          ctx, 400, "MISSING_PARAMETERS", "give vehicle=V, or make=M, model=M and year=YYYY");
      return;
    }
    String m = make;
    String mo = model;
    int y = year;
    priority
        .first(() -> api.check(m, mo, y))
        .onSuccess(
            result -> {
              if (result.report().isEmpty()) {
                HttpErrors.respond(
                    ctx,
                    502,
                    "COMPATIBILITY_UNAVAILABLE",
                    "no readable answer from the Compatibility API: " + result.problem());
                return;
              }
              CompatibilityReport r = result.report().get();
              if (vehicleId != null) {
                fleet.update(
                    vehicleId,
                    c ->
                        VehicleConnection.newBuilder(c)
                            .setCompatibility(
                                new Compatibility(
                                    result.checkedAt(),
                                    r.region(),
                                    capabilities(r.signals()),
                                    capabilities(r.commands())))
                            .build());
              }
              ctx.response()
                  .putHeader("Content-Type", "application/json")
                  .end(
                      new JsonObject()
                          .put("vehicleId", vehicleId)
                          .put("make", m)
                          .put("model", mo)
                          .put("year", y)
                          .put("region", r.region())
                          .put("checkedAt", result.checkedAt().toString())
                          .put("signals", new JsonObject(new java.util.HashMap<>(r.signals())))
                          .put("commands", new JsonObject(new java.util.HashMap<>(r.commands())))
                          .encode());
            });
  }

  private static List<Capability> capabilities(Map<String, Boolean> support) {
    return support.entrySet().stream().map(e -> new Capability(e.getKey(), e.getValue())).toList();
  }

  private static Integer year(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
