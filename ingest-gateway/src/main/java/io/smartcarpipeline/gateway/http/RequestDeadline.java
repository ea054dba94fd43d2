package io.smartcarpipeline.gateway.http;

import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * The whole-body deadline of a webhook request: from the moment its headers are in, the body must
 * have arrived within {@link ServerLimits#requestTimeout()}. Rule: a late body gets a 408 in the
 * JSON error shape (when no answer has started) and its connection is closed; the deadline stops
 * once the body is complete, so the wait for Kafka's ack is bounded by the produce timeout alone.
 */
final class RequestDeadline {

  private static final String TIMER = RequestDeadline.class.getName();

  private final Vertx vertx;
  private final Duration timeout;
  private final GatewayMetrics metrics;

  RequestDeadline(Vertx vertx, Duration timeout, GatewayMetrics metrics) {
    this.vertx = vertx;
    this.timeout = timeout;
    this.metrics = metrics;
  }

  /** Route handler before the body is read: starts the clock. */
  void start(RoutingContext ctx) {
    long timer = vertx.setTimer(timeout.toMillis(), id -> expire(ctx));
    ctx.put(TIMER, timer);
    ctx.addEndHandler(ar -> vertx.cancelTimer(timer));
    ctx.next();
  }

  /** Route handler after the body is read: stops the clock. */
  void bodyComplete(RoutingContext ctx) {
    Long timer = ctx.get(TIMER);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
    ctx.next();
  }

  private void expire(RoutingContext ctx) {
    metrics.request("request_timeout");
    if (!ctx.response().headWritten()) {
      ctx.response().putHeader("Connection", "close");
      HttpErrors.respond(
          ctx, 408, "REQUEST_TIMEOUT", "The request body did not arrive within " + timeout);
    }
    ctx.request().connection().close();
  }
}
