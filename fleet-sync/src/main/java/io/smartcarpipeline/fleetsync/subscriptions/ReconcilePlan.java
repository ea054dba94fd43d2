package io.smartcarpipeline.fleetsync.subscriptions;

import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.SubscriptionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.smartcar.fleet.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to do for one webhook (plain Java): the wanted vehicles are the CONNECTED live ones that are
 * not excluded; subscribe those Smartcar does not list as subscribed, unsubscribe every listed
 * subscription of a vehicle that is not wanted (disconnected, simulated, excluded, or unknown to a
 * complete sync). Precondition: {@code subscribed} was listed before the connections listing that
 * {@code fleet} was merged from; otherwise a vehicle connected in between counts as unknown.
 *
 * @param webhookId the webhook
 * @param subscribe vehicles to subscribe
 * @param unsubscribe subscriptions to remove
 * @param statuses what each known vehicle's subscription will be once the calls succeed
 */
public record ReconcilePlan(
    String webhookId,
    List<VehicleConnection> subscribe,
    List<Subscription> unsubscribe,
    Map<String, SubscriptionStatus> statuses) {

  /** Decides for {@code webhookId}. */
  public static ReconcilePlan of(
      String webhookId,
      Collection<VehicleConnection> fleet,
      List<Subscription> subscribed,
      Exclusions exclusions) {
    Set<String> subscribedIds =
        subscribed.stream().map(Subscription::vehicleId).collect(Collectors.toSet());
    Map<String, VehicleConnection> wanted = new LinkedHashMap<>();
    Map<String, SubscriptionStatus> statuses = new HashMap<>();
    for (VehicleConnection c : fleet) {
      String id = c.getVehicleId();
      if (c.getStatus() != ConnectionStatus.CONNECTED || !live(c)) {
        statuses.put(id, SubscriptionStatus.UNSUBSCRIBED);
      } else if (exclusions.excluded(id, webhookId)) {
        statuses.put(id, SubscriptionStatus.EXCLUDED);
      } else {
        wanted.put(id, c);
        statuses.put(id, SubscriptionStatus.SUBSCRIBED);
      }
    }
    List<VehicleConnection> subscribe =
        wanted.values().stream().filter(c -> !subscribedIds.contains(c.getVehicleId())).toList();
    List<Subscription> unsubscribe = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Subscription s : subscribed) {
      if (!wanted.containsKey(s.vehicleId())
          && seen.add(s.vehicleId() + "/" + s.subscriptionId())) {
        unsubscribe.add(s);
      }
    }
    return new ReconcilePlan(webhookId, subscribe, unsubscribe, statuses);
  }

  /** Only live vehicles get webhooks; an unknown mode counts as live. */
  static boolean live(VehicleConnection c) {
    return c.getMode() == null || !c.getMode().toLowerCase(Locale.ROOT).equals("simulated");
  }
}
