package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.manage.Subscription;
import io.smartcarpipeline.sim.vehicle.Connection;
import io.vertx.core.json.JsonObject;

/**
 * A subscription resource as the management API renders it (docs/smartcar-v3.md §6.3): {@code
 * type}, {@code id}, {@code attributes.vehicle{make,model,year,mode,powertrainType}}, {@code
 * meta{createdAt,updatedAt}}, {@code relationships{webhook,user,vehicle}} and {@code links.self}.
 */
final class SubscriptionView {

  private SubscriptionView() {}

  static JsonObject resource(SimServices services, Subscription s) {
    JsonObject vehicle =
        services
            .fleet()
            .get(s.vehicleId())
            .map(
                v ->
                    ConnectionsHandler.vehicleAttributes(
                        v.snapshot(),
                        services
                            .fleet()
                            .connection(s.vehicleId())
                            .map(Connection::mode)
                            .orElse("live")))
            .orElse(null);
    String created = s.createdAt().toString();
    return new JsonObject()
        .put("type", "subscription")
        .put("id", s.id())
        .put("attributes", new JsonObject().put("vehicle", vehicle))
        .put("meta", new JsonObject().put("createdAt", created).put("updatedAt", created))
        .put(
            "relationships",
            new JsonObject()
                .put("webhook", ConnectionsHandler.related("webhook", s.webhookId()))
                .put("user", ConnectionsHandler.related("user", s.userId()))
                .put("vehicle", ConnectionsHandler.related("vehicle", s.vehicleId())))
        .put("links", new JsonObject().put("self", "/subscriptions/" + s.id()));
  }
}
