package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.SmartcarError;
import io.smartcarpipeline.sim.fault.FaultDecision;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * {@code GET /v3/vehicles/{id}/signals}: the vehicle's current state as V3 signals (§6.4), behind
 * the same guard as commands (bearer, bucket, {@code sc-user-id}, vehicle, user) and the faults
 * configured for {@code signals} (a long-running draw just answers after the hold). A
 * streaming-capable vehicle without the virtual key allows one answered read per 8 hours of
 * simulated time ({@link io.smartcarpipeline.sim.manage.TeslaReadRule}): a read inside the window
 * gets 429 {@code RATE_LIMIT:VEHICLE} with {@code Retry-After} (the seconds left, divided by the
 * fleet's time factor while a fleet runs) and is counted as a violation. A fleet vehicle answers
 * what it reported last ({@link FleetSignalsView}), any other vehicle its state ({@link
 * SignalsView}). Any other vehicle reports live ({@code oemUpdatedAt} = the read), except a change
 * a command made under a {@code reportDelayMs} / {@code neverReports} fault: until then it reports
 * its state from before.
 */
public final class SignalsHandler {

  private final Vertx vertx;
  private final SimServices services;
  private final RouteGuard guard;

  public SignalsHandler(Vertx vertx, SimServices services) {
    this.vertx = vertx;
    this.services = services;
    this.guard = new RouteGuard(services);
  }

  /** Route handler. */
  public void handle(RoutingContext ctx) {
    String vehicleId = ctx.pathParam("id");
    SimVehicle vehicle = guard.admitVehicle(ctx, vehicleId).orElse(null);
    if (vehicle == null) {
      return;
    }
    boolean eightHourRule = eightHourRule(vehicle);
    if (eightHourRule) {
      long wait = services.teslaRule().check(vehicleId, services.simulatedNow());
      if (wait > 0) {
        long retryAfter = services.realSeconds(wait);
        SimResponses.error(
            ctx, SmartcarError.rateLimit("VEHICLE", (int) Math.min(Integer.MAX_VALUE, retryAfter)));
        return;
      }
    }
    FaultDecision fault = services.faults().decide(vehicleId, FaultRules.SIGNALS);
    long delay =
        fault.latencyMs()
            + (fault.kind() == FaultDecision.Kind.LONG_RUNNING ? fault.longRunningMs() : 0);
    if (delay <= 0) {
      answer(ctx, vehicle, fault, eightHourRule);
    } else {
      vertx.setTimer(delay, id -> answer(ctx, vehicle, fault, eightHourRule));
    }
  }

  /** A streaming-capable vehicle without the virtual key: one read per 8 simulated hours. */
  private boolean eightHourRule(SimVehicle vehicle) {
    boolean streaming =
        services.fleet().connection(vehicle.id()).map(c -> c.streamingCapable()).orElse(false);
    return streaming && !vehicle.snapshot().hasVirtualKey();
  }

  private void answer(
      RoutingContext ctx, SimVehicle vehicle, FaultDecision fault, boolean eightHourRule) {
    if (ctx.response().closed()) {
      return;
    }
    switch (fault.kind()) {
      case DROP -> CommandHandler.drop(ctx);
      case GATEWAY_TIMEOUT, GATEWAY_TIMEOUT_BEFORE -> CommandHandler.gatewayTimeout(ctx);
      case RATE_LIMIT, SERVER_ERROR, UPSTREAM, OEM_RATE_LIMIT ->
          SimResponses.error(ctx, fault.error());
      default -> {
        if (eightHourRule) {
          services.teslaRule().recordRead(vehicle.id(), services.simulatedNow());
        }
        Instant now = services.clock().instant();
        SimResponses.json(
            ctx,
            200,
            FleetSignalsView.of(services, vehicle.id())
                .orElseGet(
                    () -> {
                      SimVehicle.Reported reported = vehicle.reported(now);
                      return SignalsView.render(reported.snapshot(), now, reported.oemUpdatedAt());
                    }));
      }
    }
  }
}
