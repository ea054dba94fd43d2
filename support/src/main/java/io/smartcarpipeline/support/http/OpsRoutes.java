package io.smartcarpipeline.support.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * The operational endpoints every service serves: {@code GET /health/live} (the process answers),
 * {@code GET /health/ready} (200 only while the service can do its work, else 503), and {@code GET
 * /metrics} (Prometheus text format).
 */
public final class OpsRoutes {

  private OpsRoutes() {}

  public static void mount(
      Router router, PrometheusMeterRegistry registry, Supplier<Future<Boolean>> readiness) {
    router.get("/health/live").handler(ctx -> json(ctx, 200, "UP"));
    router.get("/health/ready").handler(ctx -> ready(ctx, readiness));
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(registry.scrape()));
  }

  private static void ready(RoutingContext ctx, Supplier<Future<Boolean>> readiness) {
    Future<Boolean> check;
    try {
      check = readiness.get();
    } catch (RuntimeException e) {
      check = Future.failedFuture(e);
    }
    check.onComplete(
        ar ->
            json(
                ctx,
                ar.succeeded() && Boolean.TRUE.equals(ar.result()) ? 200 : 503,
                ar.succeeded() && Boolean.TRUE.equals(ar.result()) ? "UP" : "DOWN"));
  }

  private static void json(RoutingContext ctx, int status, String state) {
    if (!ctx.response().ended()) {
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("status", state).encode());
    }
  }
}
