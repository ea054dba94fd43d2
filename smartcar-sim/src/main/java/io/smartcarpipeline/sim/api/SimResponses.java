package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.SmartcarError;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes the stand-in's answers: Smartcar's flat error envelope (docs/smartcar-v3.md §5.1) with the
 * status of §5.2 and {@code Retry-After} when set, JSON bodies, and the {@code
 * {"error":{"code","message"}}} shape of the project for the {@code /_sim} admin endpoints.
 *
 * <p>Rule: the envelope's {@code requestId} equals the {@code SC-Request-Id} header set by {@link
 * RequestTracker} on every response.
 */
public final class SimResponses {

  private SimResponses() {}

  /** Smartcar's error envelope for {@code error}. */
  public static JsonObject envelope(SmartcarError error, String requestId) {
    JsonObject body =
        new JsonObject()
            .put("type", error.type())
            .put("code", error.code())
            .put("description", error.description())
            .put("docURL", error.docUrl())
            .put("statusCode", error.statusCode())
            .put("requestId", requestId)
            .put("resolution", new JsonObject().put("type", error.resolutionType()))
            .put("suggestedUserMessage", error.suggestedUserMessage());
    if (error.detail() != null) {
      body.put("detail", new JsonArray(error.detail()));
    }
    return body;
  }

  /** Answers {@code error} with its HTTP status. */
  public static void error(RoutingContext ctx, SmartcarError error) {
    HttpServerResponse response = ctx.response();
    if (error.retryAfterSeconds() != null) {
      response.putHeader("Retry-After", String.valueOf(error.retryAfterSeconds()));
    }
    json(ctx, error.statusCode(), envelope(error, RequestTracker.requestId(ctx)));
  }

  /** Answers a JSON body with this status. */
  public static void json(RoutingContext ctx, int status, Object body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode());
  }

  /** A {@code /_sim} admin error: {@code {"error":{"code":…,"message":…}}}. */
  public static void adminError(RoutingContext ctx, int status, String code, String message) {
    json(
        ctx,
        status,
        new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)));
  }
}
