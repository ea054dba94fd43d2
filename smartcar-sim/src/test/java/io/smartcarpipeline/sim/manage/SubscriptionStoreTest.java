package io.smartcarpipeline.sim.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionStoreTest {

  private final MutableClock clock = MutableClock.at("2026-03-02T06:00:00Z");

  private SubscriptionStore store(boolean autoEnroll) {
    SubscriptionStore store = new SubscriptionStore(clock, autoEnroll);
    store.registerWebhook(new Webhook("wh-1", "one", null));
    return store;
  }

  @Test
  void shouldCreateOnceThenReportAlreadySubscribedAndRefuseUnknownWebhooks() {
    SubscriptionStore store = store(false);

    assertThat(store.subscribe("wh-1", "user-1", "veh-1"))
        .isEqualTo(SubscriptionStore.Outcome.CREATED);
    assertThat(store.subscribe("wh-1", "user-1", "veh-1"))
        .isEqualTo(SubscriptionStore.Outcome.ALREADY_SUBSCRIBED);
    assertThat(store.subscribe("wh-x", "user-1", "veh-1"))
        .isEqualTo(SubscriptionStore.Outcome.UNKNOWN_WEBHOOK);
    assertThat(store.list("wh-1")).hasSize(1);
    assertThat(store.subscribed("wh-1", "veh-1")).isTrue();
    assertThat(store.subscribed("wh-1", "veh-2")).isFalse();
  }

  @Test
  void shouldGiveTheSameIdToTheSamePairAndUnsubscribeByIdOrByPair() {
    SubscriptionStore store = store(false);
    store.subscribe("wh-1", "user-1", "veh-1");
    store.subscribe("wh-1", "user-2", "veh-2");
    String id = store.list("wh-1").get(0).id();

    assertThat(id).isEqualTo(Subscription.idOf("wh-1", "veh-1"));
    assertThat(store.unsubscribe(id)).isTrue();
    assertThat(store.unsubscribe(id)).as("second time").isFalse();
    assertThat(store.unsubscribe("wh-1", "veh-2")).isTrue();
    assertThat(store.list(null)).isEmpty();
  }

  @Test
  void shouldListInCreationOrder() {
    SubscriptionStore store = store(false);
    store.subscribe("wh-1", "u", "veh-b");
    clock.advance(Duration.ofSeconds(1));
    store.subscribe("wh-1", "u", "veh-a");

    assertThat(store.list("wh-1"))
        .extracting(Subscription::vehicleId)
        .containsExactly("veh-b", "veh-a");
  }

  @Test
  void shouldAutoEnrollAStartingFleetAndAddedVehiclesOnlyWhenOn() {
    Map<String, String> fleet = new LinkedHashMap<>();
    fleet.put("veh-1", "user-1");
    fleet.put("veh-2", "user-2");
    SubscriptionStore on = store(true);
    SubscriptionStore off = store(false);

    on.webhookStarted("wh-2", "fleet", "http://gw/webhooks", fleet);
    off.webhookStarted("wh-2", "fleet", "http://gw/webhooks", fleet);
    on.vehicleAdded("user-3", "veh-3");
    off.vehicleAdded("user-3", "veh-3");

    assertThat(on.list("wh-2"))
        .extracting(Subscription::vehicleId)
        .contains("veh-1", "veh-2", "veh-3");
    assertThat(on.subscribed("wh-1", "veh-3")).as("every known webhook").isTrue();
    assertThat(off.webhook("wh-2"))
        .hasValueSatisfying(w -> assertThat(w.url()).isEqualTo("http://gw/webhooks"));
    assertThat(off.list(null)).isEmpty();
  }

  @Test
  void shouldDropEveryWebhookSubscriptionOfARemovedVehicle() {
    SubscriptionStore store = store(true);
    store.registerWebhook(new Webhook("wh-2", "two", null));
    store.vehicleAdded("user-1", "veh-1");
    store.vehicleAdded("user-2", "veh-2");

    store.vehicleRemoved("veh-1");

    assertThat(store.list(null)).extracting(Subscription::vehicleId).containsOnly("veh-2");
    assertThat(store.subscribed("wh-2", "veh-1")).isFalse();
  }
}
