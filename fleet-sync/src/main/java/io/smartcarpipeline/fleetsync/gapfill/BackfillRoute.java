package io.smartcarpipeline.fleetsync.gapfill;

import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /backfill?vehicle=V} or {@code POST /backfill?all=true} on fleet-sync's port: marks
 * reads as owed ({@code ON_DEMAND}) and answers 202 at once; the reads go out under the same rules
 * as every other (budget share, Retry-After, asleep, Tesla's 8 hours). The launcher's {@code
 * backfill} subcommand calls it. Unknown vehicle: 404; neither or both parameters: 400.
 */
final class BackfillRoute {

  private final GapFiller filler;

  BackfillRoute(GapFiller filler) {
    this.filler = filler;
  }

  void mount(Router router) {
    router.post("/backfill").handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    String vehicle = ctx.request().getParam("vehicle");
    boolean all = "true".equalsIgnoreCase(ctx.request().getParam("all"));
    if ((vehicle == null || vehicle.isBlank()) == !all) {
      HttpErrors.respond(
          ctx, 400, "BAD_BACKFILL", "give either vehicle=<vehicle id> or all=true, not both");
      return;
    }
    if (all) {
      int owed = filler.requestAll(ReadReason.ON_DEMAND);
      accepted(ctx, new JsonObject().put("all", true).put("vehicles", owed));
    } else if (filler.request(vehicle.strip(), ReadReason.ON_DEMAND)) {
      accepted(ctx, new JsonObject().put("vehicle", vehicle.strip()).put("vehicles", 1));
    } else {
      HttpErrors.respond(
          ctx,
          404,
          "UNKNOWN_VEHICLE",
          "fleet-sync knows no connected vehicle with this id; run a sync (POST /sync) if it was"
              + " just connected");
    }
  }

  private static void accepted(RoutingContext ctx, JsonObject body) {
    ctx.response()
        .setStatusCode(202)
        .putHeader("Content-Type", "application/json")
        .end(body.put("status", "queued").encode());
  }
}
