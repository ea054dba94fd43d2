package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.SmartcarError;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.sim.manage.Subscription;
import io.smartcarpipeline.sim.manage.SubscriptionStore;
import io.smartcarpipeline.sim.manage.Webhook;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management API under {@code /management/v3} (docs/smartcar-v3.md §6.3) in both path styles:
 * the launch announcement's {@code /webhooks/{webhookId}[/subscriptions[/{vehicleId}]]} and the
 * OpenAPI's flat {@code /subscriptions[/{subscriptionId}]}. Order of checks: bearer token and
 * app-wide bucket, the body (400 VALIDATION), the fault draw ({@code webhooks} / {@code
 * subscriptions}), then the state: unknown webhook, vehicle or subscription 404, vehicle of another
 * user 403, already subscribed 409, created 202, deleted 204.
 */
public final class ManagementHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ManagementHandler.class);
  public static final String PREFIX = "/management/v3";

  private final SimServices services;
  private final SubscriptionStore store;
  private final RouteGuard guard;
  private final FaultedAnswer faulted;

  public ManagementHandler(Vertx vertx, SimServices services) {
    this.services = services;
    this.store = services.subscriptions();
    this.guard = new RouteGuard(services);
    this.faulted = new FaultedAnswer(vertx, services);
  }

  /** Mounts both path styles (the router must already have a body handler). */
  public void mount(Router router) {
    router.get(PREFIX + "/webhooks/:webhookId").handler(this::getWebhook);
    router
        .post(PREFIX + "/webhooks/:webhookId/subscriptions")
        .handler(ctx -> subscribe(ctx, ctx.pathParam("webhookId")));
    router
        .get(PREFIX + "/webhooks/:webhookId/subscriptions")
        .handler(ctx -> list(ctx, ctx.pathParam("webhookId"), true));
    router
        .delete(PREFIX + "/webhooks/:webhookId/subscriptions/:vehicleId")
        .handler(
            ctx ->
                unsubscribe(
                    ctx,
                    ctx.pathParam("vehicleId"),
                    Subscription.idOf(ctx.pathParam("webhookId"), ctx.pathParam("vehicleId"))));
    router.post(PREFIX + "/subscriptions").handler(ctx -> subscribe(ctx, null));
    router
        .get(PREFIX + "/subscriptions")
        .handler(ctx -> list(ctx, ctx.queryParams().get("filter[webhookId]"), false));
    router.get(PREFIX + "/subscriptions/:subscriptionId").handler(this::getSubscription);
    router
        .delete(PREFIX + "/subscriptions/:subscriptionId")
        .handler(ctx -> unsubscribe(ctx, null, ctx.pathParam("subscriptionId")));
  }

  private void getWebhook(RoutingContext ctx) {
    if (!guard.admitApp(ctx)) {
      return;
    }
    String webhookId = ctx.pathParam("webhookId");
    faulted.respond(
        ctx,
        null,
        FaultRules.WEBHOOKS,
        () -> {
          Optional<Webhook> webhook = store.webhook(webhookId);
          if (webhook.isEmpty()) {
            SimResponses.error(ctx, unknownWebhook(webhookId));
            return;
          }
          JsonObject attributes =
              new JsonObject()
                  .put("name", webhook.get().name())
                  .put("url", webhook.get().url())
                  .put("status", "ENABLED");
          SimResponses.json(
              ctx,
              200,
              new JsonObject()
                  .put(
                      "data",
                      new JsonObject()
                          .put("id", webhookId)
                          .put("type", "webhook")
                          .put("attributes", attributes)));
        });
  }

  private void subscribe(RoutingContext ctx, String pathWebhookId) {
    if (!guard.admitApp(ctx)) {
      return;
    }
    JsonObject attributes;
    try {
      JsonObject body = ctx.body().asJsonObject();
      JsonObject data = body == null ? null : body.getJsonObject("data");
      attributes = data == null ? null : data.getJsonObject("attributes");
    } catch (DecodeException | ClassCastException e) {
      attributes = null;
    }
    String webhookId = attributes == null ? null : text(attributes, "webhookId");
    String userId = attributes == null ? null : text(attributes, "userId");
    String vehicleId = attributes == null ? null : text(attributes, "vehicleId");
    if (pathWebhookId != null && webhookId != null && !pathWebhookId.equals(webhookId)) {
      SimResponses.error(
          ctx, invalid("data.attributes.webhookId differs from the webhook id of the path"));
      return;
    }
    String webhook = pathWebhookId != null ? pathWebhookId : webhookId;
    if (webhook == null || userId == null || vehicleId == null) {
      SimResponses.error(
          ctx,
          invalid(
              "The body must be {\"data\":{\"attributes\":{\"webhookId\",\"userId\",\"vehicleId\"}}}"
                  + " (webhookId may come from the path)."));
      return;
    }
    faulted.respond(
        ctx, vehicleId, FaultRules.SUBSCRIPTIONS, () -> create(ctx, webhook, userId, vehicleId));
  }

  private void create(RoutingContext ctx, String webhookId, String userId, String vehicleId) {
    Optional<SimVehicle> vehicle = services.fleet().get(vehicleId);
    if (store.webhook(webhookId).isEmpty()) {
      SimResponses.error(ctx, unknownWebhook(webhookId));
    } else if (vehicle.isEmpty()) {
      SimResponses.error(ctx, SmartcarError.notFound("No vehicle with id " + vehicleId + "."));
    } else if (!vehicle.get().userId().equals(userId)) {
      SimResponses.error(ctx, SmartcarError.permission());
    } else if (store.subscribe(webhookId, userId, vehicleId)
        == SubscriptionStore.Outcome.ALREADY_SUBSCRIBED) {
      SimResponses.error(
          ctx,
          SmartcarError.alreadySubscribed(
              "Vehicle " + vehicleId + " is already subscribed to webhook " + webhookId + "."));
    } else {
      LOG.info("subscribed webhook_id={} vehicle_id={}", webhookId, vehicleId);
      SimResponses.json(
          ctx,
          202,
          new JsonObject()
              .put("meta", new JsonObject().put("message", "subscription creation in progress")));
    }
  }

  private void list(RoutingContext ctx, String webhookId, boolean webhookMustExist) {
    if (!guard.admitApp(ctx)) {
      return;
    }
    Paging paging = Paging.orAnswer(ctx).orElse(null);
    if (paging == null) {
      return;
    }
    String vehicleId = ctx.queryParams().get("filter[vehicleId]");
    String userId = ctx.queryParams().get("filter[userId]");
    faulted.respond(
        ctx,
        null,
        FaultRules.SUBSCRIPTIONS,
        () -> {
          if (webhookMustExist && store.webhook(webhookId).isEmpty()) {
            SimResponses.error(ctx, unknownWebhook(webhookId));
            return;
          }
          List<Subscription> matching =
              store.list(webhookId).stream()
                  .filter(s -> vehicleId == null || s.vehicleId().equals(vehicleId))
                  .filter(s -> userId == null || s.userId().equals(userId))
                  .toList();
          SimResponses.json(
              ctx, 200, paging.page(ctx, matching, s -> SubscriptionView.resource(services, s)));
        });
  }

  private void getSubscription(RoutingContext ctx) {
    if (!guard.admitApp(ctx)) {
      return;
    }
    String id = ctx.pathParam("subscriptionId");
    faulted.respond(
        ctx,
        null,
        FaultRules.SUBSCRIPTIONS,
        () ->
            store
                .get(id)
                .ifPresentOrElse(
                    s ->
                        SimResponses.json(
                            ctx,
                            200,
                            new JsonObject().put("data", SubscriptionView.resource(services, s))),
                    () -> SimResponses.error(ctx, unknownSubscription(id))));
  }

  private void unsubscribe(RoutingContext ctx, String vehicleId, String subscriptionId) {
    if (!guard.admitApp(ctx)) {
      return;
    }
    faulted.respond(
        ctx,
        vehicleId,
        FaultRules.SUBSCRIPTIONS,
        () -> {
          if (store.unsubscribe(subscriptionId)) {
            LOG.info("unsubscribed subscription_id={}", subscriptionId);
            ctx.response().setStatusCode(204).end();
          } else {
            SimResponses.error(ctx, unknownSubscription(subscriptionId));
          }
        });
  }

  private static String text(JsonObject o, String key) {
    Object v = o.getValue(key);
    return v instanceof String s && !s.isBlank() ? s : null;
  }

  private static SmartcarError invalid(String message) {
    return SmartcarError.validation(message, List.of(message));
  }

  private static SmartcarError unknownWebhook(String webhookId) {
    return SmartcarError.notFound("No webhook with id " + webhookId + ".");
  }

  private static SmartcarError unknownSubscription(String id) {
    return SmartcarError.notFound("No such subscription: " + id + ".");
  }
}
