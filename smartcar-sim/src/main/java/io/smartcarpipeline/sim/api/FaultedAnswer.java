package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.fault.FaultDecision;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Applies the fault draw to a read or management request, as {@link SignalsHandler} does for
 * signals: the latency (and a long-running hold) on a timer, then a dropped connection, a 504, the
 * drawn 429/500/502 in Smartcar's envelope, or the real answer.
 */
public final class FaultedAnswer {

  private final Vertx vertx;
  private final SimServices services;

  public FaultedAnswer(Vertx vertx, SimServices services) {
    this.vertx = vertx;
    this.services = services;
  }

  /**
   * Draws the fault for {@code vehicleId} (or {@code null}) and request name {@code name}, then
   * answers; {@code answer} runs only when no fault replaces the answer.
   */
  public void respond(RoutingContext ctx, String vehicleId, String name, Runnable answer) {
    FaultDecision fault = services.faults().decide(vehicleId, name);
    long delay =
        fault.latencyMs()
            + (fault.kind() == FaultDecision.Kind.LONG_RUNNING ? fault.longRunningMs() : 0);
    if (delay <= 0) {
      finish(ctx, fault, answer);
    } else {
      vertx.setTimer(delay, id -> finish(ctx, fault, answer));
    }
  }

  private static void finish(RoutingContext ctx, FaultDecision fault, Runnable answer) {
    if (ctx.response().closed()) {
      return;
    }
    switch (fault.kind()) {
      case DROP -> CommandHandler.drop(ctx);
      case GATEWAY_TIMEOUT -> CommandHandler.gatewayTimeout(ctx);
      case RATE_LIMIT, SERVER_ERROR, UPSTREAM -> SimResponses.error(ctx, fault.error());
      default -> answer.run();
    }
  }
}
