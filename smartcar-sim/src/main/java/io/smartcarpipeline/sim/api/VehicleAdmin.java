package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.fleet.FleetStats;
import io.smartcarpipeline.sim.fleet.RunningFleet;
import io.smartcarpipeline.sim.manage.Webhook;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /_sim} endpoints around connections: {@code DELETE /_sim/vehicles/{id}} (disconnect:
 * gone from the connections, subscriptions removed, its webhooks stop), {@code GET
 * /_sim/vehicles/{id}/truth} ({@link TruthView}), {@code GET /_sim/subscriptions} and {@code GET
 * /_sim/stats} (Tesla read-rule violations, connections, subscriptions, the fleet's counters).
 */
public final class VehicleAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(VehicleAdmin.class);

  private final SimServices services;

  public VehicleAdmin(SimServices services) {
    this.services = services;
  }

  /** Disconnects a vehicle; true if it was known. */
  public static boolean remove(SimServices services, String vehicleId) {
    boolean known = services.fleet().remove(vehicleId);
    services.subscriptions().vehicleRemoved(vehicleId);
    services.teslaRule().forget(vehicleId);
    if (known) {
      LOG.info("vehicle_removed vehicle_id={}", vehicleId);
    }
    return known;
  }

  /** Mounts the endpoints. */
  public void mount(Router router) {
    router.delete("/_sim/vehicles/:id").handler(this::removeVehicle);
    router.get("/_sim/vehicles/:id/truth").handler(this::truth);
    router.get("/_sim/subscriptions").handler(this::subscriptions);
    router.get("/_sim/stats").handler(this::stats);
  }

  private void removeVehicle(RoutingContext ctx) {
    if (remove(services, ctx.pathParam("id"))) {
      ctx.response().setStatusCode(204).end();
    } else {
      SimResponses.adminError(ctx, 404, "UNKNOWN_VEHICLE", "no such vehicle");
    }
  }

  private void truth(RoutingContext ctx) {
    TruthView.of(services, ctx.pathParam("id"))
        .ifPresentOrElse(
            t -> SimResponses.json(ctx, 200, t),
            () -> SimResponses.adminError(ctx, 404, "UNKNOWN_VEHICLE", "no such vehicle"));
  }

  private void subscriptions(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    services
        .subscriptions()
        .list(ctx.queryParams().get("webhookId"))
        .forEach(
            s ->
                list.add(
                    new JsonObject()
                        .put("id", s.id())
                        .put("webhookId", s.webhookId())
                        .put("userId", s.userId())
                        .put("vehicleId", s.vehicleId())
                        .put("createdAt", s.createdAt().toString())));
    SimResponses.json(ctx, 200, list);
  }

  private void stats(RoutingContext ctx) {
    JsonArray webhooks = new JsonArray();
    for (Webhook w : services.subscriptions().webhooks()) {
      webhooks.add(new JsonObject().put("id", w.id()).put("name", w.name()).put("url", w.url()));
    }
    JsonObject body =
        new JsonObject()
            .put("teslaReadViolations", services.teslaRule().violations())
            .put(
                "teslaReadViolationsByVehicle",
                new JsonObject(
                    new java.util.LinkedHashMap<>(services.teslaRule().violationsByVehicle())))
            .put("connections", services.fleet().connections().size())
            .put("subscriptions", services.subscriptions().list(null).size())
            .put("autoEnroll", services.subscriptions().autoEnroll())
            .put("webhooks", webhooks)
            .put("simulatedNow", services.simulatedNow().toString());
    RunningFleet fleet = services.runningFleet().get();
    if (fleet != null) {
      FleetStats s = fleet.stats();
      body.put(
          "fleet",
          new JsonObject()
              .put("events", s.events())
              .put("sent", s.sent())
              .put("accepted", s.accepted())
              .put("rejected", s.rejected())
              .put("retried", s.retried())
              .put("dropped", s.dropped())
              .put("pending", s.pending())
              .put("unsubscribedEvents", fleet.unsubscribedEvents()));
    }
    SimResponses.json(ctx, 200, body);
  }
}
