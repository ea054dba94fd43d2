package io.smartcarpipeline.fleetsync.gapfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.EventSource;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.Trigger;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleInfo;
import io.smartcarpipeline.fleetsync.gapfill.FreshnessWatch.Finding;
import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreshnessWatchTest {

  private static final Duration RETRY_WINDOW = Duration.ofSeconds(175);

  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final FreshnessWatch watch =
      new FreshnessWatch(clock, RETRY_WINDOW, Duration.ofMinutes(30));

  @Test
  void deliveriesResumingAfterMoreThanTheRetryWindowAreAnOutage() {
    assertThat(watch.observe(webhook("a"))).isEqualTo(Finding.NOTHING);

    clock.advance(RETRY_WINDOW.plusSeconds(1));

    assertThat(watch.observe(webhook("b"))).isEqualTo(Finding.OUTAGE);
  }

  @Test
  void aGapWithinTheRetryWindowIsNotAnOutage() {
    watch.observe(webhook("a"));
    clock.advance(RETRY_WINDOW);

    assertThat(watch.observe(webhook("b"))).isEqualTo(Finding.NOTHING);
  }

  @Test
  void ourOwnApiReadsDoNotHideAnOutage() {
    watch.observe(webhook("a"));
    clock.advance(Duration.ofMinutes(2));
    watch.observe(apiRead("a"));
    clock.advance(Duration.ofMinutes(2));

    assertThat(watch.observe(webhook("a"))).isEqualTo(Finding.OUTAGE);
  }

  @Test
  void anOldGapMetWhileCatchingUpIsHistory() {
    VehicleEvent before = webhook("a");
    clock.advance(Duration.ofMinutes(10));
    VehicleEvent after = webhook("a");
    clock.advance(Duration.ofHours(1)); // fleet-sync starts an hour later and reads the topic

    assertThat(watch.observe(before)).isEqualTo(Finding.NOTHING);
    assertThat(watch.observe(after)).isEqualTo(Finding.NOTHING);
  }

  @Test
  void firstDeliveryTriggerAsksForASnapshot() {
    VehicleEvent event =
        VehicleEvent.newBuilder(webhook("a"))
            .setTriggers(List.of(new Trigger("FIRST_DELIVERY", null)))
            .build();

    assertThat(watch.observe(event)).isEqualTo(Finding.FIRST_DELIVERY);
  }

  @Test
  void vehicleSilentBeyondStalenessIsReportedOncePerPeriod() {
    watch.observe(webhook("quiet"));
    watch.observe(webhook("busy"));
    clock.advance(Duration.ofMinutes(31));
    watch.observe(webhook("busy"));

    assertThat(watch.stale(Set.of("quiet", "busy"))).containsExactly("quiet");
    assertThat(watch.stale(Set.of("quiet", "busy"))).isEmpty();
  }

  @Test
  void newlyWatchedVehicleIsNotStaleAtOnce() {
    watch.watch("new");

    assertThat(watch.stale(Set.of("new"))).isEmpty();
  }

  private VehicleEvent webhook(String vehicleId) {
    return event(vehicleId, EventSource.WEBHOOK);
  }

  private VehicleEvent apiRead(String vehicleId) {
    return event(vehicleId, EventSource.API_READ);
  }

  private VehicleEvent event(String vehicleId, EventSource source) {
    return VehicleEvent.newBuilder()
        .setEventId("e-" + vehicleId + clock.instant())
        .setEventType(EventType.VEHICLE_STATE)
        .setVehicleId(vehicleId)
        .setVehicle(new VehicleInfo(null, null, null))
        .setReceivedAt(clock.instant())
        .setSignature(SignatureCheck.NOT_CHECKED)
        .setRawBody("{}")
        .setSource(source)
        .build();
  }
}
