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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's routes: {@code POST /webhooks/smartcar}, the health and metrics endpoints, and the
 * JSON error shape for every status Vert.x Web produces on its own. Rule: the body limit is
 * enforced before any handler sees the body (413), and nothing but the webhook path accepts POST.
 */
public final class GatewayRouter {

  /** The callback URI path to configure in the Smartcar Dashboard. */
  public static final String WEBHOOK_PATH = "/webhooks/smartcar";

  private static final Logger LOG = LoggerFactory.getLogger(GatewayRouter.class);

  private GatewayRouter() {}

  public static Router build(
      Vertx vertx,
      WebhookHandler webhooks,
      GatewayMetrics metrics,
      PrometheusMeterRegistry registry,
      Supplier<Future<Boolean>> readiness,
      long maxBodyBytes,
      ServerLimits limits,
      SourceGuard sources) {
    Router router = Router.router(vertx);
    RequestDeadline deadline = new RequestDeadline(vertx, limits.requestTimeout(), metrics);
    router.route(WEBHOOK_PATH).handler(sources::admit);
    router.post(WEBHOOK_PATH).handler(GatewayRouter::rawBytesOnly).handler(deadline::start);
    router
        .post(WEBHOOK_PATH)
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(deadline::bodyComplete)
        .handler(webhooks::handle);
    router.post(WEBHOOK_PATH).failureHandler(ctx -> failed(ctx, metrics, maxBodyBytes));
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
   * A webhook request that failed before an answer: a body over the limit (413), or a body that
   * broke off or was badly framed (invalid chunking, a reset stream). Rule: never a 2xx, always the
   * JSON error shape, counted; a broken body also closes its connection, whose framing is lost.
   */
  private static void failed(RoutingContext ctx, GatewayMetrics metrics, long maxBodyBytes) {
    if (ctx.statusCode() == 413) {
      metrics.request("too_large");
      HttpErrors.respond(
          ctx,
          413,
          "PAYLOAD_TOO_LARGE",
          "The request body is larger than " + maxBodyBytes + " bytes");
      return;
    }
    metrics.request("broken_body");
    LOG.info(
        "webhook_body_broken status={} error={}",
        ctx.statusCode(),
        ctx.failure() == null ? "none" : ctx.failure().toString());
    if (!ctx.response().headWritten()) {
      ctx.response().putHeader("Connection", "close");
      HttpErrors.respond(ctx, 400, "BROKEN_BODY", "The request body could not be read to its end");
    }
    ctx.request().connection().close();
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
