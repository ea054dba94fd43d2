package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.SmartcarError;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@link VehicleRequestGuard} on a route: reads the {@code Authorization} and {@code sc-user-id}
 * headers and answers a refusal itself, so every handler admits a request the same way.
 */
final class RouteGuard {

  private final VehicleRequestGuard guard;

  RouteGuard(SimServices services) {
    this.guard = new VehicleRequestGuard(services);
  }

  /** The vehicle of a {@code /v3/vehicles/{id}} request, or empty once the refusal is answered. */
  Optional<SimVehicle> admitVehicle(RoutingContext ctx, String vehicleId) {
    var admission =
        guard.admit(
            ctx.request().getHeader("Authorization"),
            ctx.request().getHeader("sc-user-id"),
            vehicleId);
    if (admission.error() != null) {
      SimResponses.error(ctx, admission.error());
      return Optional.empty();
    }
    return Optional.of(admission.vehicle());
  }

  /** Whether a request that names no vehicle passes the app checks; false once answered. */
  boolean admitApp(RoutingContext ctx) {
    SmartcarError refused = guard.admitApp(ctx.request().getHeader("Authorization"));
    if (refused != null) {
      SimResponses.error(ctx, refused);
      return false;
    }
    return true;
  }
}
