package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.WebhookSubscription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A vehicle's connection on the fleet page, from fleet-sync's {@code VehicleConnection}: status
 * ({@code CONNECTED} / {@code DISCONNECTED}), one entry per webhook subscription, when fleet-sync
 * last synced it and last read its signals through the API. No record means unknown: {@code null}.
 */
final class ConnectionJson {

  private ConnectionJson() {}

  static JsonObject of(VehicleConnection c) {
    if (c == null) {
      return null;
    }
    JsonArray subscriptions = new JsonArray();
    for (WebhookSubscription s : c.getSubscriptions()) {
      subscriptions.add(
          new JsonObject()
              .put("webhookId", s.getWebhookId())
              .put("status", s.getStatus().name())
              .put("updatedAt", iso(s.getUpdatedAt()))
              .put("error", s.getError()));
    }
    return new JsonObject()
        .put("status", c.getStatus().name())
        .put("mode", c.getMode())
        .put("connectedAt", iso(c.getConnectedAt()))
        .put("disconnectedAt", iso(c.getDisconnectedAt()))
        .put("lastSyncedAt", iso(c.getLastSyncedAt()))
        .put("lastReadAt", iso(c.getLastReadAt()))
        .put("subscriptions", subscriptions);
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
