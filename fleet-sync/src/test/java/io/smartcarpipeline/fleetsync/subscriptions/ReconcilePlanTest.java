package io.smartcarpipeline.fleetsync.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.SubscriptionStatus;
import io.smartcarpipeline.events.SubscriptionWish;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.WishAction;
import io.smartcarpipeline.smartcar.fleet.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcilePlanTest {

  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  private static VehicleConnection vehicle(String id, ConnectionStatus status, String mode) {
    return VehicleConnection.newBuilder()
        .setVehicleId(id)
        .setUserId("u-" + id)
        .setMode(mode)
        .setStatus(status)
        .setLastSyncedAt(T)
        .build();
  }

  private static Subscription sub(String vehicleId) {
    return new Subscription("sub-" + vehicleId, "wh", vehicleId, null);
  }

  @Test
  void subscribesConnectedLiveVehiclesAndUnsubscribesEveryOtherListedSubscription() {
    List<VehicleConnection> fleet =
        List.of(
            vehicle("new", ConnectionStatus.CONNECTED, "live"),
            vehicle("done", ConnectionStatus.CONNECTED, null),
            vehicle("sim", ConnectionStatus.CONNECTED, "simulated"),
            vehicle("gone", ConnectionStatus.DISCONNECTED, "live"),
            vehicle("excluded", ConnectionStatus.CONNECTED, "live"));
    List<Subscription> subscribed =
        List.of(sub("done"), sub("sim"), sub("gone"), sub("excluded"), sub("unknown"));

    ReconcilePlan plan =
        ReconcilePlan.of("wh", fleet, subscribed, new Exclusions(Set.of("excluded")));

    assertThat(plan.subscribe()).extracting(VehicleConnection::getVehicleId).containsExactly("new");
    assertThat(plan.unsubscribe())
        .extracting(Subscription::vehicleId)
        .containsExactlyInAnyOrder("sim", "gone", "excluded", "unknown");
    assertThat(plan.statuses())
        .containsEntry("new", SubscriptionStatus.SUBSCRIBED)
        .containsEntry("done", SubscriptionStatus.SUBSCRIBED)
        .containsEntry("sim", SubscriptionStatus.UNSUBSCRIBED)
        .containsEntry("gone", SubscriptionStatus.UNSUBSCRIBED)
        .containsEntry("excluded", SubscriptionStatus.EXCLUDED);
  }

  @Test
  void nothingToDoWhenSmartcarAlreadyMatches() {
    ReconcilePlan plan =
        ReconcilePlan.of(
            "wh",
            List.of(vehicle("a", ConnectionStatus.CONNECTED, "live")),
            List.of(sub("a")),
            new Exclusions(Set.of()));

    assertThat(plan.subscribe()).isEmpty();
    assertThat(plan.unsubscribe()).isEmpty();
  }

  @Test
  void aWishExcludesForItsWebhookOrAllAndAnIncludeOrTombstoneWithdrawsIt() {
    Exclusions exclusions = new Exclusions(Set.of("always"));
    exclusions.wish("a", new SubscriptionWish("a", WishAction.EXCLUDE, "wh-1", null, T));
    exclusions.wish("b", new SubscriptionWish("b", WishAction.EXCLUDE, null, "privacy", T));

    assertThat(exclusions.excluded("a", "wh-1")).isTrue();
    assertThat(exclusions.excluded("a", "wh-2")).isFalse();
    assertThat(exclusions.excluded("b", "wh-2")).isTrue();

    exclusions.wish("a", new SubscriptionWish("a", WishAction.INCLUDE, "wh-1", null, T));
    exclusions.wish("b", null);
    exclusions.wish("always", new SubscriptionWish("always", WishAction.INCLUDE, null, null, T));

    assertThat(exclusions.excluded("a", "wh-1")).isFalse();
    assertThat(exclusions.excluded("b", "wh-2")).isFalse();
    assertThat(exclusions.excluded("always", "wh-1")).as("the setting wins").isTrue();
  }
}
