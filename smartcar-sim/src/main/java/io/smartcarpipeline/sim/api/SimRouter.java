package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.SmartcarError;
import io.smartcarpipeline.sim.vehicle.CommandType;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the stand-in's routes: request tracking first (request id, log), the body handler, then
 * {@code POST /oauth2/token}, the six command paths, {@code GET …/signals}, connections and vehicle
 * info, the management API ({@code /management/v3}), the compatibility API ({@code
 * /compatibility/v3}) and the {@code /_sim} admin endpoints. Unknown paths and methods get a JSON
 * 404/405 (Smartcar's envelope under the API prefixes, the project's error shape elsewhere).
 */
public final class SimRouter {

  private static final Logger LOG = LoggerFactory.getLogger(SimRouter.class);
  private static final long BODY_LIMIT_BYTES = 64 * 1024;

  private SimRouter() {}

  /** Builds the router over these services. */
  public static Router create(Vertx vertx, SimServices services) {
    Router router = Router.router(vertx);
    router.route().handler(new RequestTracker(services)::handle);
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
    router.post("/oauth2/token").handler(new TokenHandler(services.tokens())::handle);
    CommandHandler commands = new CommandHandler(vertx, services);
    for (CommandType type : CommandType.values()) {
      router
          .post("/v3/vehicles/:id/commands/" + type.path())
          .handler(ctx -> commands.handle(ctx, type));
    }
    router.get("/v3/vehicles/:id/signals").handler(new SignalsHandler(vertx, services)::handle);
    ConnectionsHandler connections = new ConnectionsHandler(vertx, services);
    router.get("/v3/connections").handler(connections::list);
    router.get("/v3/vehicles/:id").handler(connections::vehicle);
    new ManagementHandler(vertx, services).mount(router);
    router
        .get(CompatibilityHandler.PREFIX + "/compatible-vehicles")
        .handler(new CompatibilityHandler(vertx, services)::handle);
    new AdminHandler(services).mount(router);
    router.errorHandler(404, ctx -> notFound(ctx, 404, "No such path."));
    router.errorHandler(405, ctx -> notFound(ctx, 405, "Method not allowed on this path."));
    router.errorHandler(500, SimRouter::internalError);
    return router;
  }

  private static void notFound(RoutingContext ctx, int status, String message) {
    if (RequestTracker.isSmartcarApi(ctx.normalizedPath())) {
      SmartcarError error = SmartcarError.notFound(message);
      SimResponses.json(
          ctx,
          status,
          SimResponses.envelope(error, RequestTracker.requestId(ctx)).put("statusCode", status));
    } else {
      SimResponses.adminError(
          ctx, status, status == 404 ? "NOT_FOUND" : "METHOD_NOT_ALLOWED", message);
    }
  }

  private static void internalError(RoutingContext ctx) {
    LOG.error(
        "sim_request_failed path={} request_id={}",
        ctx.normalizedPath(),
        RequestTracker.requestId(ctx),
        ctx.failure());
    if (!ctx.response().ended() && !ctx.response().closed()) {
      SimResponses.error(ctx, SmartcarError.serverInternal());
    }
  }
}
