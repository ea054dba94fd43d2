package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.fault.FaultDecision;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * {@code GET /v3/vehicles/{id}/signals}: the vehicle's current state as V3 signals (§6.4), behind
 * the same guard as commands (bearer, bucket, {@code sc-user-id}, vehicle, user) and the faults
 * configured for {@code signals} (a long-running draw just answers after the hold). A car reports
 * live ({@code oemUpdatedAt} = the read), except a change a command made under a {@code
 * reportDelayMs} / {@code neverReports} fault: until then it reports its state from before.
 */
public final class SignalsHandler {

  private final Vertx vertx;
  private final SimServices services;
  private final VehicleRequestGuard guard;

  public SignalsHandler(Vertx vertx, SimServices services) {
    this.vertx = vertx;
    this.services = services;
    this.guard = new VehicleRequestGuard(services);
  }

  /** Route handler. */
  public void handle(RoutingContext ctx) {
    String vehicleId = ctx.pathParam("id");
    var admission =
        guard.admit(
            ctx.request().getHeader("Authorization"),
            ctx.request().getHeader("sc-user-id"),
            vehicleId);
    if (admission.error() != null) {
      SimResponses.error(ctx, admission.error());
      return;
    }
    FaultDecision fault = services.faults().decide(vehicleId, FaultRules.SIGNALS);
    long delay =
        fault.latencyMs()
            + (fault.kind() == FaultDecision.Kind.LONG_RUNNING ? fault.longRunningMs() : 0);
    if (delay <= 0) {
      answer(ctx, admission.vehicle(), fault);
    } else {
      vertx.setTimer(delay, id -> answer(ctx, admission.vehicle(), fault));
    }
  }

  private void answer(RoutingContext ctx, SimVehicle vehicle, FaultDecision fault) {
    if (ctx.response().closed()) {
      return;
    }
    switch (fault.kind()) {
      case DROP -> CommandHandler.drop(ctx);
      case GATEWAY_TIMEOUT, GATEWAY_TIMEOUT_BEFORE -> CommandHandler.gatewayTimeout(ctx);
      case RATE_LIMIT, SERVER_ERROR, UPSTREAM, OEM_RATE_LIMIT ->
          SimResponses.error(ctx, fault.error());
      default -> {
        Instant now = services.clock().instant();
        SimVehicle.Reported reported = vehicle.reported(now);
        SimResponses.json(
            ctx, 200, SignalsView.render(reported.snapshot(), now, reported.oemUpdatedAt()));
      }
    }
  }
}
