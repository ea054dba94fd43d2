package io.smartcarpipeline.fleetsync.subscriptions;

import io.smartcarpipeline.events.SubscriptionWish;
import io.smartcarpipeline.events.WishAction;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which vehicles are kept unsubscribed: those named by {@code FLEET_SYNC_EXCLUDED_VEHICLES}
 * (always, for every webhook), and those whose newest wish on {@code
 * smartcar.subscription-wishes.v1} is EXCLUDE (for its webhook, or every webhook when it names
 * none). An INCLUDE wish or a tombstone withdraws a wish; it cannot override the setting.
 * Thread-safe: wishes arrive from the topic reader's thread.
 */
public final class Exclusions {

  private final Set<String> configured;
  private final Map<String, SubscriptionWish> wishes = new ConcurrentHashMap<>();

  public Exclusions(Set<String> configured) {
    this.configured = Set.copyOf(configured);
  }

  /** The newest wish for a vehicle; null withdraws it (a tombstone). */
  public void wish(String vehicleId, SubscriptionWish wish) {
    if (wish == null || wish.getAction() == WishAction.INCLUDE) {
      wishes.remove(vehicleId);
    } else {
      wishes.put(vehicleId, wish);
    }
  }

  /** Whether the vehicle must not be subscribed to the webhook. */
  public boolean excluded(String vehicleId, String webhookId) {
    if (configured.contains(vehicleId)) {
      return true;
    }
    SubscriptionWish w = wishes.get(vehicleId);
    return w != null && (w.getWebhookId() == null || w.getWebhookId().equals(webhookId));
  }
}
