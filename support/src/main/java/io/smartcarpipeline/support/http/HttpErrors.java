package io.smartcarpipeline.support.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The one error shape every HTTP endpoint of the pipeline answers with: {@code
 * {"error":{"code":"…","message":"…"}}}, JSON, with the given status.
 */
public final class HttpErrors {

  private HttpErrors() {}

  /** The error body. */
  public static JsonObject body(String code, String message) {
    return new JsonObject()
        .put("error", new JsonObject().put("code", code).put("message", message));
  }

  /** Ends the request with the error shape. */
  public static void respond(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body(code, message).encode());
  }

  private static String reason(RoutingContext ctx) {
    return ctx.failure() == null ? "malformed request" : ctx.failure().getClass().getSimpleName();
  }

  /** 400, 404 and 405 (and Vert.x's own 400/413) in the error shape instead of Vert.x's HTML. */
  public static void installDefaults(io.vertx.ext.web.Router router) {
    router.errorHandler(
        400,
        ctx -> respond(ctx, 400, "BAD_REQUEST", "The request could not be read: " + reason(ctx)));
    router.errorHandler(
        404, ctx -> respond(ctx, 404, "NOT_FOUND", "No such path: " + ctx.request().path()));
    router.errorHandler(
        405,
        ctx ->
            respond(
                ctx,
                405,
                "METHOD_NOT_ALLOWED",
                ctx.request().method() + " is not allowed on " + ctx.request().path()));
    router.errorHandler(
        413, ctx -> respond(ctx, 413, "PAYLOAD_TOO_LARGE", "The request body is too large"));
    router.errorHandler(
        500,
        ctx ->
            respond(
                ctx, 500, "INTERNAL_ERROR", "Unexpected error; see the service log for details"));
  }
}
