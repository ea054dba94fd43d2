package io.smartcarpipeline.fleetsync.api;

import io.smartcarpipeline.fleetsync.sync.FleetSync;
import io.smartcarpipeline.fleetsync.sync.SyncReport;
import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /sync}: syncs now (or joins the sync that runs) and answers with its counts; 502 in
 * the error shape when Smartcar's connections could not be listed.
 */
public final class SyncRoutes {

  private SyncRoutes() {}

  public static void mount(Router router, FleetSync sync) {
    router.post("/sync").handler(ctx -> sync.run("request").onSuccess(r -> answer(ctx, r)));
  }

  private static void answer(RoutingContext ctx, SyncReport r) {
    if (!r.ok()) {
      HttpErrors.respond(
          ctx,
          502,
          "SYNC_FAILED",
          r.error() + "; nothing was changed, the next sync retries (see the service log)");
      return;
    }
    ctx.response().putHeader("Content-Type", "application/json").end(json(r).encode());
  }

  /** The report as the JSON answer. */
  public static JsonObject json(SyncReport r) {
    return new JsonObject()
        .put("trigger", r.trigger())
        .put("startedAt", r.startedAt().toString())
        .put("finishedAt", r.finishedAt().toString())
        .put("listed", r.listed())
        .put("connected", r.connected())
        .put("updated", r.updated())
        .put("disconnected", r.disconnected())
        .put("subscribed", r.subscribed())
        .put("unsubscribed", r.unsubscribed())
        .put("subscriptionFailures", r.subscriptionFailures())
        .put("vehiclesByStatus", new JsonObject(new java.util.HashMap<>(r.byStatus())));
  }
}
