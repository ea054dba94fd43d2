package io.smartcarpipeline.gateway.http;

import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a webhook request is answered once the chain has decided: a JSON reply, or a {@link
 * Rejection} in the JSON error shape (with {@code Retry-After} on a 503). Rule: every answer is
 * counted by outcome; anything that is not a Rejection is a bug, answered 500 and logged with its
 * stack trace.
 */
final class Answers {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  private final GatewayMetrics metrics;

  Answers(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  void respond(RoutingContext ctx, int status, JsonObject body, String outcome) {
    metrics.request(outcome);
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  void reject(RoutingContext ctx, Throwable error) {
    if (error instanceof Rejection r) {
      metrics.request(r.outcome());
      if (r.status() != 503) {
        LOG.info("webhook_rejected status={} code={}", r.status(), r.code());
      }
      r.retryAfterSeconds()
          .ifPresent(s -> ctx.response().putHeader("Retry-After", String.valueOf(s)));
      HttpErrors.respond(ctx, r.status(), r.code(), r.getMessage());
      return;
    }
    metrics.request("error");
    LOG.error("webhook_failed error={}", error.toString(), error);
    HttpErrors.respond(ctx, 500, "INTERNAL_ERROR", "Unexpected error; see the gateway log");
  }

  /** The HTTP headers worth keeping with a dead letter. */
  static Map<String, String> keptHeaders(RoutingContext ctx) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : new String[] {"User-Agent", "Content-Type"}) {
      String value = ctx.request().getHeader(name);
      if (value != null) {
        kept.put(name, value);
      }
    }
    return kept;
  }
}
