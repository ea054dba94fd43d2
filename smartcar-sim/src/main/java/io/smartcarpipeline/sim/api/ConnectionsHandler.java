package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.sim.vehicle.Connection;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.smartcarpipeline.sim.vehicle.VehicleSnapshot;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;

/**
 * The V3 vehicle API's connection list and vehicle info (docs/smartcar-v3.md §6.1, §6.4): {@code
 * GET /v3/connections} (paged, filters {@code filter[vehicleId]}, {@code filter[userId]}, {@code
 * filter[vehicle.mode]} and the {@code sc-user-id} header; every vehicle of the simulator is a
 * connection, ordered by connection time) and {@code GET /v3/vehicles/{id}} (needs {@code
 * sc-user-id}). Both pass the app checks and the fault draw ({@code connections} / {@code
 * vehicle}).
 */
public final class ConnectionsHandler {

  private final SimServices services;
  private final RouteGuard guard;
  private final FaultedAnswer faulted;

  public ConnectionsHandler(Vertx vertx, SimServices services) {
    this.services = services;
    this.guard = new RouteGuard(services);
    this.faulted = new FaultedAnswer(vertx, services);
  }

  /** {@code GET /v3/connections}. */
  public void list(RoutingContext ctx) {
    if (!guard.admitApp(ctx)) {
      return;
    }
    Paging paging = Paging.orAnswer(ctx).orElse(null);
    if (paging == null) {
      return;
    }
    String vehicleId = ctx.queryParams().get("filter[vehicleId]");
    String userId = ctx.queryParams().get("filter[userId]");
    String headerUser = ctx.request().getHeader("sc-user-id");
    String mode = ctx.queryParams().get("filter[vehicle.mode]");
    List<Connection> matching =
        services.fleet().connections().stream()
            .filter(c -> vehicleId == null || c.vehicleId().equals(vehicleId))
            .filter(c -> userId == null || c.userId().equals(userId))
            .filter(c -> headerUser == null || c.userId().equals(headerUser))
            .filter(c -> mode == null || c.mode().equalsIgnoreCase(mode))
            .filter(c -> services.fleet().get(c.vehicleId()).isPresent())
            .toList();
    faulted.respond(
        ctx,
        null,
        FaultRules.CONNECTIONS,
        () -> SimResponses.json(ctx, 200, paging.page(ctx, matching, this::connection)));
  }

  /** {@code GET /v3/vehicles/{id}}. */
  public void vehicle(RoutingContext ctx) {
    String vehicleId = ctx.pathParam("id");
    SimVehicle vehicle = guard.admitVehicle(ctx, vehicleId).orElse(null);
    if (vehicle == null) {
      return;
    }
    faulted.respond(
        ctx,
        vehicleId,
        FaultRules.VEHICLE,
        () -> {
          String mode = services.fleet().connection(vehicleId).map(Connection::mode).orElse("live");
          JsonObject data =
              new JsonObject()
                  .put("id", vehicleId)
                  .put("type", "vehicle")
                  .put("attributes", vehicleAttributes(vehicle.snapshot(), mode))
                  .put("links", new JsonObject().put("self", "/vehicles/" + vehicleId));
          SimResponses.json(ctx, 200, new JsonObject().put("data", data));
        });
  }

  /**
   * {@code make, model, year, mode, powertrainType} of a vehicle (every simulated car is a BEV).
   */
  static JsonObject vehicleAttributes(VehicleSnapshot v, String mode) {
    return new JsonObject()
        .put("make", v.make())
        .put("model", v.model())
        .put("year", v.year())
        .put("mode", mode)
        .put("powertrainType", "BEV");
  }

  private JsonObject connection(Connection c) {
    JsonObject attributes =
        new JsonObject().put("vehicleId", c.vehicleId()).put("userId", c.userId());
    services
        .fleet()
        .get(c.vehicleId())
        .map(SimVehicle::snapshot)
        .ifPresent(
            v -> attributes.put("make", v.make()).put("model", v.model()).put("year", v.year()));
    attributes.put("mode", c.mode()).put("connectedAt", c.connectedAt().toString());
    return new JsonObject()
        .put("type", "connection")
        .put("id", c.vehicleId())
        .put("attributes", attributes)
        .put(
            "relationships",
            new JsonObject()
                .put("vehicle", related("vehicle", c.vehicleId()))
                .put("user", related("user", c.userId())));
  }

  static JsonObject related(String type, String id) {
    return new JsonObject()
        .put("data", new JsonObject().put("type", type).put("id", Objects.requireNonNull(id)));
  }
}
