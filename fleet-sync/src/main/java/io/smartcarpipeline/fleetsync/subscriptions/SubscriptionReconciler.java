package io.smartcarpipeline.fleetsync.subscriptions;

import io.smartcarpipeline.events.SubscriptionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.WebhookSubscription;
import io.smartcarpipeline.fleetsync.metrics.FleetSyncMetrics;
import io.smartcarpipeline.smartcar.fleet.Listing;
import io.smartcarpipeline.smartcar.fleet.SmartcarAnswer;
import io.smartcarpipeline.smartcar.fleet.Subscription;
import io.smartcarpipeline.smartcar.fleet.SubscriptionsApi;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one webhook's subscriptions in line with the fleet: lists them ({@link #list}), then,
 * given that listing and a fleet listed <em>after</em> it, plans ({@link ReconcilePlan}),
 * subscribes and unsubscribes one call after another (each through the budget), and writes each
 * vehicle's subscription status into its record. A failed listing changes nothing.
 */
public final class SubscriptionReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionReconciler.class);

  /** What one webhook's reconcile did. */
  public record Counts(int subscribed, int unsubscribed, int failed) {
    public Counts plus(Counts o) {
      return new Counts(
          subscribed + o.subscribed, unsubscribed + o.unsubscribed, failed + o.failed);
    }
  }

  private final SubscriptionsApi api;
  private final Exclusions exclusions;
  private final FleetSyncMetrics metrics;

  public SubscriptionReconciler(
      SubscriptionsApi api, Exclusions exclusions, FleetSyncMetrics metrics) {
    this.api = api;
    this.exclusions = exclusions;
    this.metrics = metrics;
  }

  /** Every subscription of {@code webhookId} as Smartcar lists it now (all pages). */
  public Future<Listing<Subscription>> list(String webhookId) {
    return api.list(webhookId);
  }

  /**
   * Reconciles {@code webhookId} for the records in {@code fleet} (vehicle id → record), replacing
   * the records whose subscription status changed.
   *
   * @param listing the webhook's subscriptions from {@link #list}, taken <em>before</em> the
   *     connections listing {@code fleet} was merged from: a subscribed vehicle that {@code fleet}
   *     does not know is unsubscribed, which is only right if it was not connected yet when the
   *     listing was taken (see {@link ReconcilePlan})
   */
  public Future<Counts> reconcile(
      String webhookId,
      Listing<Subscription> listing,
      Map<String, VehicleConnection> fleet,
      Supplier<Instant> now) {
    if (!listing.complete()) {
      LOG.warn(
          "subscriptions_list_failed webhook={} error={}", webhookId, listing.failure().describe());
      return Future.succeededFuture(new Counts(0, 0, 1));
    }
    ReconcilePlan plan = ReconcilePlan.of(webhookId, fleet.values(), listing.items(), exclusions);
    Map<String, String> errors = new HashMap<>();
    return subscribeAll(plan, errors)
        .compose(
            subscribed ->
                unsubscribeAll(plan, errors)
                    .map(
                        unsubscribed -> {
                          apply(plan, errors, fleet, now.get());
                          Counts c = new Counts(subscribed, unsubscribed, errors.size());
                          LOG.info(
                              "subscriptions_reconciled webhook={} listed={} wanted_new={}"
                                  + " unwanted={} subscribed={} unsubscribed={} failed={}",
                              webhookId,
                              listing.items().size(),
                              plan.subscribe().size(),
                              plan.unsubscribe().size(),
                              c.subscribed(),
                              c.unsubscribed(),
                              c.failed());
                          return c;
                        }));
  }

  private Future<Integer> subscribeAll(ReconcilePlan plan, Map<String, String> errors) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (VehicleConnection c : plan.subscribe()) {
      chain =
          chain.compose(
              done ->
                  api.subscribe(plan.webhookId(), c.getVehicleId(), c.getUserId())
                      .map(a -> done + outcome("subscribe", plan, c.getVehicleId(), a, errors)));
    }
    return chain;
  }

  private Future<Integer> unsubscribeAll(ReconcilePlan plan, Map<String, String> errors) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (Subscription s : plan.unsubscribe()) {
      chain =
          chain.compose(
              done ->
                  api.unsubscribe(plan.webhookId(), s)
                      .map(a -> done + outcome("unsubscribe", plan, s.vehicleId(), a, errors))
                      .recover(
                          e -> {
                            errors.put(s.vehicleId(), e.getMessage());
                            metrics.subscription("unsubscribe", plan.webhookId(), false);
                            return Future.succeededFuture(done);
                          }));
    }
    return chain;
  }

  private int outcome(
      String action,
      ReconcilePlan plan,
      String vehicleId,
      SmartcarAnswer answer,
      Map<String, String> errors) {
    metrics.subscription(action, plan.webhookId(), answer.ok());
    if (answer.ok()) {
      return 1;
    }
    errors.put(vehicleId, action + " failed: " + answer.describe());
    LOG.warn(
        "subscription_call_failed action={} webhook={} vehicle={} error={}",
        action,
        plan.webhookId(),
        vehicleId,
        answer.describe());
    return 0;
  }

  private static void apply(
      ReconcilePlan plan,
      Map<String, String> errors,
      Map<String, VehicleConnection> fleet,
      Instant now) {
    plan.statuses()
        .forEach(
            (vehicleId, status) -> {
              VehicleConnection record = fleet.get(vehicleId);
              if (record == null) {
                return;
              }
              String error = errors.get(vehicleId);
              SubscriptionStatus effective = error != null ? SubscriptionStatus.FAILED : status;
              fleet.put(vehicleId, withStatus(record, plan.webhookId(), effective, error, now));
            });
  }

  /** The record with this webhook's entry set; {@code updatedAt} moves only when it changes. */
  static VehicleConnection withStatus(
      VehicleConnection record,
      String webhookId,
      SubscriptionStatus status,
      String error,
      Instant now) {
    List<WebhookSubscription> entries = new ArrayList<>();
    boolean found = false;
    for (WebhookSubscription w : record.getSubscriptions()) {
      if (w.getWebhookId().equals(webhookId)) {
        found = true;
        boolean same = w.getStatus() == status && java.util.Objects.equals(w.getError(), error);
        entries.add(same ? w : new WebhookSubscription(webhookId, status, now, error));
      } else {
        entries.add(w);
      }
    }
    if (!found) {
      entries.add(new WebhookSubscription(webhookId, status, now, error));
    }
    return VehicleConnection.newBuilder(record).setSubscriptions(entries).build();
  }
}
