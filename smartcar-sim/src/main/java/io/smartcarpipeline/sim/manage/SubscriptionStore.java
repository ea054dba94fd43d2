package io.smartcarpipeline.sim.manage;

import io.smartcarpipeline.sim.fleet.WebhookAudience;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's webhooks and their subscriptions (docs/smartcar-v3.md §6.3), and the fleet's
 * {@link WebhookAudience}: a fleet delivers only for subscribed vehicles. With auto-enroll on (the
 * Dashboard's option, {@code SIM_WEBHOOK_AUTO_ENROLL}, default true) a starting fleet subscribes
 * every vehicle it announces, and {@link #vehicleAdded} subscribes a new vehicle to every known
 * webhook. Thread-safe.
 *
 * <p>Rules: at most one subscription per webhook and vehicle; removing a vehicle removes its
 * subscriptions.
 */
public final class SubscriptionStore implements WebhookAudience {

  /** The result of {@link #subscribe}. */
  public enum Outcome {
    CREATED,
    ALREADY_SUBSCRIBED,
    UNKNOWN_WEBHOOK
  }

  private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
  private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
  private final Clock clock;
  private final boolean autoEnroll;

  public SubscriptionStore(Clock clock, boolean autoEnroll) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.autoEnroll = autoEnroll;
  }

  public boolean autoEnroll() {
    return autoEnroll;
  }

  /** Adds or replaces a webhook (id, name, delivery URL or null). */
  public void registerWebhook(Webhook webhook) {
    webhooks.put(webhook.id(), webhook);
  }

  public Optional<Webhook> webhook(String webhookId) {
    return Optional.ofNullable(webhookId == null ? null : webhooks.get(webhookId));
  }

  /** Every webhook, by id. */
  public List<Webhook> webhooks() {
    return webhooks.values().stream().sorted(Comparator.comparing(Webhook::id)).toList();
  }

  /** Subscribes a vehicle of this user to a webhook. */
  public synchronized Outcome subscribe(String webhookId, String userId, String vehicleId) {
    if (!webhooks.containsKey(webhookId)) {
      return Outcome.UNKNOWN_WEBHOOK;
    }
    String id = Subscription.idOf(webhookId, vehicleId);
    if (byId.containsKey(id)) {
      return Outcome.ALREADY_SUBSCRIBED;
    }
    byId.put(id, new Subscription(id, webhookId, userId, vehicleId, clock.instant()));
    return Outcome.CREATED;
  }

  /** Removes the subscription with this id; true if it existed. */
  public boolean unsubscribe(String subscriptionId) {
    return subscriptionId != null && byId.remove(subscriptionId) != null;
  }

  /** Removes this vehicle's subscription to this webhook; true if it existed. */
  public boolean unsubscribe(String webhookId, String vehicleId) {
    return unsubscribe(Subscription.idOf(webhookId, vehicleId));
  }

  public Optional<Subscription> get(String subscriptionId) {
    return Optional.ofNullable(subscriptionId == null ? null : byId.get(subscriptionId));
  }

  /** Subscriptions of one webhook ({@code null}: all), ordered by creation, then vehicle id. */
  public List<Subscription> list(String webhookId) {
    return byId.values().stream()
        .filter(s -> webhookId == null || s.webhookId().equals(webhookId))
        .sorted(
            Comparator.comparing(Subscription::createdAt)
                .thenComparing(Subscription::webhookId)
                .thenComparing(Subscription::vehicleId))
        .toList();
  }

  /** A vehicle was added: with auto-enroll on, it is subscribed to every known webhook. */
  public void vehicleAdded(String userId, String vehicleId) {
    if (autoEnroll) {
      webhooks.keySet().forEach(w -> subscribe(w, userId, vehicleId));
    }
  }

  /** A vehicle was disconnected: its subscriptions go. */
  public synchronized void vehicleRemoved(String vehicleId) {
    byId.values().removeIf(s -> s.vehicleId().equals(vehicleId));
  }

  /** Registers the fleet's webhook and, with auto-enroll on, subscribes its vehicles. */
  @Override
  public void webhookStarted(
      String webhookId, String name, String url, Map<String, String> vehicles) {
    registerWebhook(new Webhook(webhookId, name, url));
    if (autoEnroll) {
      vehicles.forEach((vehicle, user) -> subscribe(webhookId, user, vehicle));
    }
  }

  @Override
  public boolean subscribed(String webhookId, String vehicleId) {
    return byId.containsKey(Subscription.idOf(webhookId, vehicleId));
  }
}
