package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet-wide routes and the live fleet page: {@code GET /fleet} (every vehicle's summary, the
 * newest sessions and command results, totals; see {@link FleetView}), {@code GET
 * /commands?limit=N} (newest results first), {@code GET /events} (Server-Sent Events: a {@code
 * /fleet} snapshot at once and then every interval) and the page itself, {@code GET /} from {@code
 * webroot/} in the jar. Fleet-wide answers merge this instance's stores with every other instance's
 * (see {@link Peers}; {@code instances} says how many answered). Store reads run off the event
 * loop; a slow SSE client skips snapshots rather than buffer them.
 */
public final class FleetRoutes {

  private final Vertx vertx;
  private final VehicleReadModel model;
  private final Duration eventsInterval;
  private final Clock clock;
  private final Peers peers;

  public FleetRoutes(Vertx vertx, VehicleReadModel model, Duration eventsInterval, Clock clock) {
    this.vertx = vertx;
    this.model = model;
    this.eventsInterval = eventsInterval;
    this.clock = clock;
    this.peers = new Peers(vertx, model::peers, Peers.DEFAULT_TIMEOUT);
  }

  /** Mounts the routes, then the static page for every other GET. */
  public void mount(Router router) {
    router.get("/fleet").handler(this::fleet);
    router.get("/commands").handler(this::commands);
    router.get("/events").handler(this::events);
    router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
  }

  private void fleet(RoutingContext ctx) {
    Integer sessions = QueryHttp.count(ctx, "sessions", QueryHttp.DEFAULT_LIMIT);
    Integer commands = sessions == null ? null : QueryHttp.count(ctx, "commands", 20);
    if (commands == null) {
      return;
    }
    QueryHttp.read(vertx, ctx, () -> snapshot(sessions, commands))
        .compose(
            local ->
                peers.answer(ctx, local, parts -> FanoutMerge.fleet(parts, sessions, commands)))
        .onSuccess(ctx::json);
  }

  private void commands(RoutingContext ctx) {
    Integer limit = QueryHttp.limit(ctx);
    if (limit == null) {
      return;
    }
    QueryHttp.read(vertx, ctx, () -> commandsJson(limit))
        .compose(
            out -> {
              return peers.answer(
                  ctx,
                  new JsonObject().put("commands", out),
                  parts -> FanoutMerge.commands(parts, limit));
            })
        .onSuccess(ctx::json);
  }

  private void events(RoutingContext ctx) {
    HttpServerResponse response =
        ctx.response()
            .setChunked(true)
            .putHeader("Content-Type", "text/event-stream")
            .putHeader("Cache-Control", "no-cache")
            .putHeader("X-Accel-Buffering", "no");
    response.write("retry: " + eventsInterval.toMillis() + "\n\n");
    push(response);
    long timer = vertx.setPeriodic(eventsInterval.toMillis(), id -> push(response));
    response.closeHandler(v -> vertx.cancelTimer(timer));
    response.exceptionHandler(e -> vertx.cancelTimer(timer));
  }

  private void push(HttpServerResponse response) {
    if (response.closed() || response.ended() || response.writeQueueFull()) {
      return;
    }
    int sessions = QueryHttp.DEFAULT_LIMIT;
    int commands = 20;
    vertx
        .executeBlocking(() -> snapshot(sessions, commands), false)
        .compose(
            local ->
                peers.gather(
                    local,
                    "/fleet?sessions=" + sessions + "&commands=" + commands,
                    parts -> FanoutMerge.fleet(parts, sessions, commands)))
        .onComplete(
            done -> {
              if (response.closed() || response.ended()) {
                return;
              }
              if (done.succeeded()) {
                response.write("data: " + done.result().encode() + "\n\n");
              } else {
                String code = QueryHttp.notReady(done.cause()) ? "NOT_READY" : "INTERNAL_ERROR";
                response.write(
                    "event: unavailable\ndata: "
                        + HttpErrors.body(code, "Fleet snapshot unavailable; retrying").encode()
                        + "\n\n");
              }
            });
  }

  private JsonArray commandsJson(int limit) {
    Map<String, CommandConfirmation> confirmations = model.confirmations(null);
    JsonArray out = new JsonArray();
    model.recentCommands(null, limit).forEach(r -> out.add(CommandJson.of(r, confirmations)));
    return out;
  }

  private JsonObject snapshot(int sessionLimit, int commandLimit) {
    List<VehicleState> states = model.states();
    Map<String, VehicleConnection> connections = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    for (VehicleState s : states) {
      model.connection(s.getVehicleId()).ifPresent(c -> connections.put(s.getVehicleId(), c));
      model.dataSource(s.getVehicleId()).ifPresent(d -> sources.put(s.getVehicleId(), d));
    }
    return FleetView.build(
        states,
        new FleetView.Links(connections, sources),
        model.allSessions(),
        model.recentCommands(null, Integer.MAX_VALUE),
        model.confirmations(null),
        sessionLimit,
        commandLimit,
        clock.instant());
  }
}
