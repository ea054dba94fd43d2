package io.smartcarpipeline.processors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartcarpipeline.events.VehicleInfo;
import io.smartcarpipeline.events.VehicleState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateFreshnessMetricsTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<VehicleState> states = new ArrayList<>();
  private boolean storeReadable = true;
  private final StateFreshnessMetrics freshness =
      new StateFreshnessMetrics(
          () -> {
            if (!storeReadable) {
              throw new IllegalStateException("store not queryable: rebalancing");
            }
            return states;
          },
          registry,
          Clock.fixed(NOW, ZoneOffset.UTC));

  private static VehicleState state(String id, Instant lastEventAt, Instant updatedAt) {
    return VehicleState.newBuilder()
        .setVehicleId(id)
        .setVehicle(VehicleInfo.newBuilder().build())
        .setLastEventAt(lastEventAt)
        .setUpdatedAt(updatedAt)
        .build();
  }

  private double gauge(String quantile) {
    return registry
        .get("processors_vehicle_state_age_seconds")
        .tag("quantile", quantile)
        .gauge()
        .value();
  }

  @Test
  void shouldExportAgePercentilesOfTheNewestEventPerVehicle() {
    for (int i = 1; i <= 10; i++) {
      // received i minutes ago, computed just now: the age is the event's, not the record's
      states.add(state("v" + i, NOW.minusSeconds(60L * i), NOW));
    }

    freshness.sample();

    assertThat(gauge("0.1")).isEqualTo(60);
    assertThat(gauge("0.5")).isEqualTo(300);
    assertThat(gauge("0.9")).isEqualTo(540);
    assertThat(gauge("1")).isEqualTo(600);
    assertThat(registry.get("processors_vehicle_state_vehicles").gauge().value()).isEqualTo(10);
  }

  @Test
  void shouldFallBackToUpdatedAtForAStateWithoutAnEvent() {
    states.add(state("v1", null, NOW.minusSeconds(90)));

    freshness.sample();

    assertThat(gauge("1")).isEqualTo(90);
  }

  @Test
  void shouldExportNaNBeforeTheFirstSample() {
    assertThat(gauge("0.5")).isNaN();
    assertThat(registry.get("processors_vehicle_state_vehicles").gauge().value()).isZero();
  }

  @Test
  void shouldKeepThePreviousValuesWhileTheStoreCannotBeRead() {
    states.add(state("v1", NOW.minusSeconds(30), NOW));
    freshness.sample();
    storeReadable = false;

    freshness.sampleQuietly();

    assertThat(gauge("0.5")).isEqualTo(30);
  }
}
