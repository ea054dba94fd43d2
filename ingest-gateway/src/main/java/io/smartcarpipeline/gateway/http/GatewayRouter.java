package io.smartcarpipeline.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.support.http.HttpErrors;
import io.smartcarpipeline.support.http.OpsRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The gateway's routes: {@code POST /webhooks/smartcar}, the health and metrics endpoints, and the
 * JSON error shape for every status Vert.x Web produces on its own. Rule: the body limit is
 * enforced before any handler sees the body (413), and nothing but the webhook path accepts POST.
 */
public final class GatewayRouter {

  /** The callback URI path to configure in the Smartcar Dashboard. */
  public static final String WEBHOOK_PATH = "/webhooks/smartcar";

  private GatewayRouter() {}

  public static Router build(
      Vertx vertx,
      WebhookHandler webhooks,
      GatewayMetrics metrics,
      PrometheusMeterRegistry registry,
      Supplier<Future<Boolean>> readiness,
      long maxBodyBytes) {
    Router router = Router.router(vertx);
    router.post(WEBHOOK_PATH).handler(GatewayRouter::rawBytesOnly);
    router
        .post(WEBHOOK_PATH)
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(webhooks::handle);
    OpsRoutes.mount(router, registry, readiness);
    HttpErrors.installDefaults(router);
    router.errorHandler(
        413,
        ctx -> {
          metrics.request("too_large");
          HttpErrors.respond(
              ctx,
              413,
              "PAYLOAD_TOO_LARGE",
              "The request body is larger than " + maxBodyBytes + " bytes");
        });
    return router;
  }

  /**
   * The signature covers the body's bytes, so the body is only ever read as bytes: a sender that
   * declares a form content type (curl's default) must not make Vert.x decode it as a form.
   */
  private static void rawBytesOnly(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && !type.toLowerCase(Locale.ROOT).contains("json")) {
      ctx.request().headers().remove(HttpHeaders.CONTENT_TYPE);
    }
    ctx.next();
  }
}
