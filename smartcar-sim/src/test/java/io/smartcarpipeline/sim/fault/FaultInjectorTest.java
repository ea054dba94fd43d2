package io.smartcarpipeline.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  private static List<FaultDecision> draw(FaultInjector injector, int n) {
    List<FaultDecision> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(injector.decide("veh-1", "charge-start"));
    }
    return out;
  }

  @Test
  void shouldDrawTheSameFaultsForTheSameSeed() {
    FaultRules rules =
        FaultRules.everywhere(
            FaultProfile.none().withRateLimit(0.2, 3).withServerErrors(0.2).withLatency(10, 50));

    List<FaultDecision> first = draw(new FaultInjector(rules, 7), 200);
    List<FaultDecision> second = draw(new FaultInjector(rules, 7), 200);
    List<FaultDecision> other = draw(new FaultInjector(rules, 8), 200);

    assertThat(first).isEqualTo(second);
    assertThat(first).isNotEqualTo(other);
  }

  @Test
  void shouldInjectFaultsInRoughlyTheConfiguredShares() {
    FaultRules rules =
        FaultRules.everywhere(
            FaultProfile.none()
                .withRateLimit(0.1, 1)
                .withServerErrors(0.1)
                .withUpstreamErrors(0.1)
                .withGatewayTimeouts(0.1)
                .withDrops(0.1)
                .withLongRunning(0.1, 100)
                .withGatewayTimeoutsBefore(0.1)
                .withPending(0.1, 100)
                .withOemRateLimit(0.1));
    Map<FaultDecision.Kind, Integer> counts = new EnumMap<>(FaultDecision.Kind.class);

    draw(new FaultInjector(rules, 42), 10_000)
        .forEach(d -> counts.merge(d.kind(), 1, Integer::sum));

    for (FaultDecision.Kind kind : FaultDecision.Kind.values()) {
      int expected = 1_000;
      assertThat(counts.get(kind))
          .as(kind.name())
          .isBetween(expected * 85 / 100, expected * 115 / 100);
    }
  }

  @Test
  void shouldAnswerTheOemRateLimitAs502UpstreamRateLimit() {
    FaultInjector injector =
        new FaultInjector(FaultRules.everywhere(FaultProfile.none().withOemRateLimit(1.0)), 1);

    FaultDecision d = injector.decide("veh-1", "security-lock");

    assertThat(d.error().statusCode()).isEqualTo(502);
    assertThat(d.error().type()).isEqualTo("UPSTREAM");
    assertThat(d.error().code()).isEqualTo("RATE_LIMIT");
  }

  @Test
  void shouldSayWhenTheCarReportsAChangeLateOrNever() {
    java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
    FaultRules rules =
        new FaultRules(
            FaultProfile.none(),
            Map.of("security-lock", FaultProfile.none().withReportDelay(5_000)),
            Map.of("veh-never", FaultProfile.none().withNeverReports()));
    FaultInjector injector = new FaultInjector(rules, 1);

    assertThat(injector.decide("veh-1", "security-lock", now).reportFrom())
        .isEqualTo(now.plusSeconds(5));
    assertThat(injector.decide("veh-never", "security-unlock", now).reportFrom())
        .isEqualTo(java.time.Instant.MAX);
    assertThat(injector.decide("veh-1", "security-unlock", now).reportFrom()).isNull();
  }

  @Test
  void shouldAlwaysRateLimitWithRetryAfterWhenShareIsOne() {
    FaultInjector injector =
        new FaultInjector(FaultRules.everywhere(FaultProfile.none().withRateLimit(1.0, 7)), 1);

    for (FaultDecision d : draw(injector, 50)) {
      assertThat(d.kind()).isEqualTo(FaultDecision.Kind.RATE_LIMIT);
      assertThat(d.error().statusCode()).isEqualTo(429);
      assertThat(d.error().code()).isEqualTo("VEHICLE");
      assertThat(d.error().retryAfterSeconds()).isEqualTo(7);
    }
  }

  @Test
  void shouldKeepLatencyWithinTheConfiguredRange() {
    FaultInjector injector =
        new FaultInjector(FaultRules.everywhere(FaultProfile.none().withLatency(100, 200)), 3);

    assertThat(draw(injector, 500))
        .allSatisfy(d -> assertThat(d.latencyMs()).isBetween(100L, 199L));
  }

  @Test
  void shouldPreferVehicleRulesOverCommandRulesOverDefaults() {
    FaultRules rules =
        FaultRules.everywhere(FaultProfile.none().withServerErrors(1.0))
            .withCommand("security-unlock", FaultProfile.none().withUpstreamErrors(1.0))
            .withVehicle("veh-9", FaultProfile.none());
    FaultInjector injector = new FaultInjector(rules, 1);

    assertThat(injector.decide("veh-1", "charge-start").kind())
        .isEqualTo(FaultDecision.Kind.SERVER_ERROR);
    assertThat(injector.decide("veh-1", "security-unlock").kind())
        .isEqualTo(FaultDecision.Kind.UPSTREAM);
    assertThat(injector.decide("veh-9", "security-unlock").kind())
        .isEqualTo(FaultDecision.Kind.NONE);
  }

  @Test
  void shouldRejectSharesAddingUpToMoreThanOne() {
    assertThatThrownBy(() -> FaultProfile.none().withRateLimit(0.6, 1).withServerErrors(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 1");
    assertThatThrownBy(() -> FaultProfile.none().withDrops(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dropShare");
    assertThatThrownBy(() -> FaultRules.none().withCommand("charge-teleport", FaultProfile.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("charge-teleport");
  }
}
