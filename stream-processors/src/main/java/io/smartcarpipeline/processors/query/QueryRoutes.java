package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The per-vehicle query API: {@code GET /vehicles} (ids, paged by {@code after} and {@code limit}),
 * {@code GET /vehicles/{id}/state}, {@code GET /vehicles/{id}/charging-sessions?limit=N} and {@code
 * GET /vehicles/{id}/commands?limit=N} (newest first), {@code GET /vehicles/{id}/history} (recent
 * SoC points, oldest first). Store reads run off the event loop. A vehicle hosted by another
 * instance is answered by forwarding the request there once, and the vehicle list gathers every
 * instance's ids (see {@link Peers}); an unknown vehicle is a 404, a bad parameter a 400 and a
 * store that is not queryable yet a 503, all in the shared JSON error shape.
 */
public final class QueryRoutes {

  private final Vertx vertx;
  private final VehicleReadModel model;
  private final Peers peers;

  public QueryRoutes(Vertx vertx, VehicleReadModel model) {
    this.vertx = vertx;
    this.model = model;
    this.peers = new Peers(vertx, model::peers, Peers.DEFAULT_TIMEOUT);
  }

  /** Mounts the routes on {@code router}. */
  public void mount(Router router) {
    router.get("/vehicles").handler(this::listVehicles);
    router.get("/vehicles/:id/state").handler(this::vehicleState);
    router.get("/vehicles/:id/charging-sessions").handler(this::chargingSessions);
    router.get("/vehicles/:id/commands").handler(this::vehicleCommands);
    router.get("/vehicles/:id/history").handler(this::socHistory);
  }

  private void listVehicles(RoutingContext ctx) {
    Integer limit = QueryHttp.limit(ctx);
    if (limit == null) {
      return;
    }
    String after = ctx.request().getParam("after");
    QueryHttp.read(vertx, ctx, () -> model.vehicleIds(after, limit))
        .compose(
            ids ->
                peers.answer(
                    ctx,
                    FanoutMerge.vehicleIds(List.of(idsJson(ids)), limit),
                    parts -> FanoutMerge.vehicleIds(parts, limit)))
        .onSuccess(ctx::json);
  }

  private static JsonObject idsJson(List<String> ids) {
    return new JsonObject().put("vehicles", new JsonArray(ids));
  }

  private void vehicleState(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (forwarded(ctx, id)) {
      return;
    }
    QueryHttp.read(vertx, ctx, () -> model.state(id))
        .onSuccess(
            state -> {
              if (state.isEmpty()) {
                notFound(ctx, id);
              } else {
                ctx.json(AvroJson.toJson(state.get()));
              }
            });
  }

  private void chargingSessions(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Integer limit = QueryHttp.limit(ctx);
    if (limit == null || forwarded(ctx, id)) {
      return;
    }
    QueryHttp.read(vertx, ctx, () -> model.state(id).isPresent() ? model.sessions(id, limit) : null)
        .onSuccess(
            sessions -> {
              if (sessions == null) {
                notFound(ctx, id);
                return;
              }
              JsonArray out = new JsonArray();
              sessions.forEach(s -> out.add(AvroJson.toJson(s)));
              ctx.json(new JsonObject().put("vehicleId", id).put("sessions", out));
            });
  }

  private void vehicleCommands(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Integer limit = QueryHttp.limit(ctx);
    if (limit == null || forwarded(ctx, id)) {
      return;
    }
    QueryHttp.read(vertx, ctx, () -> model.state(id).isPresent() ? commandsJson(id, limit) : null)
        .onSuccess(
            out -> {
              if (out == null) {
                notFound(ctx, id);
                return;
              }
              ctx.json(new JsonObject().put("vehicleId", id).put("commands", out));
            });
  }

  private JsonArray commandsJson(String id, int limit) {
    Map<String, CommandConfirmation> confirmations = model.confirmations(id);
    JsonArray out = new JsonArray();
    model.recentCommands(id, limit).forEach(r -> out.add(CommandJson.of(r, confirmations)));
    return out;
  }

  private void socHistory(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (forwarded(ctx, id)) {
      return;
    }
    QueryHttp.read(vertx, ctx, () -> model.state(id).isPresent() ? model.socHistory(id) : null)
        .onSuccess(
            points -> {
              if (points == null) {
                notFound(ctx, id);
                return;
              }
              JsonArray out = new JsonArray();
              points.forEach(
                  p ->
                      out.add(
                          new JsonObject()
                              .put("at", Instant.ofEpochMilli(p.t).toString())
                              .put("soc", p.soc)
                              .put("charging", p.charging)));
              ctx.json(new JsonObject().put("vehicleId", id).put("points", out));
            });
  }

  private boolean forwarded(RoutingContext ctx, String id) {
    if (Peers.isForwarded(ctx)) {
      return false;
    }
    String owner;
    try {
      owner = model.remoteOwner(id).orElse(null);
    } catch (RuntimeException e) {
      return false;
    }
    if (owner == null) {
      return false;
    }
    peers.forward(ctx, owner, id);
    return true;
  }

  private static void notFound(RoutingContext ctx, String id) {
    HttpErrors.respond(ctx, 404, "VEHICLE_NOT_FOUND", "No state for vehicle " + id);
  }
}
