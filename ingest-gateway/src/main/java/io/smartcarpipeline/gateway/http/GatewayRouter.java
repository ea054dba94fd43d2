package io.smartcarpipeline.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.support.http.HttpErrors;
import io.smartcarpipeline.support.http.OpsRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
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
}
