package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.EnergySource;
import io.smartcarpipeline.events.SessionEndReason;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.sim.fleet.ChargingSessionTruth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionComparisonTest {

  private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
  private static final Instant END = START.plusSeconds(4 * 3600);

  private static ChargingSessionTruth truth(double kwh) {
    return new ChargingSessionTruth(
        "veh-0001",
        1,
        START,
        START,
        END,
        40,
        80,
        kwh,
        false,
        true,
        false,
        "COMPLETED",
        "FULLY_CHARGED");
  }

  private static ChargingSession session(Instant startedAt, double kwh, SessionStatus status) {
    return ChargingSession.newBuilder()
        .setSessionId("veh-0001:" + startedAt)
        .setVehicleId("veh-0001")
        .setStatus(status)
        .setEndReason(status == SessionStatus.ACTIVE ? null : SessionEndReason.FULLY_CHARGED)
        .setRevision(3)
        .setStartedAt(startedAt)
        .setEnergyKwh(kwh)
        .setEnergySource(EnergySource.MEASURED)
        .setUpdatedAt(END)
        .build();
  }

  private static SessionComparison compare(ChargingSessionTruth t, ChargingSession... s) {
    return SessionComparison.of(Map.of("veh-0001", List.of(t)), Map.of("veh-0001", List.of(s)));
  }

  @Test
  void shouldMatchASessionWithinTwoPercent() {
    // when
    SessionComparison c = compare(truth(30.0), session(START, 30.5, SessionStatus.COMPLETED));
    // then
    assertThat(c.problems).isEmpty();
    assertThat(c.compared).hasSize(1);
  }

  @Test
  void shouldReportEnergyMoreThanTwoPercentOff() {
    // when
    SessionComparison c = compare(truth(30.0), session(START, 30.7, SessionStatus.COMPLETED));
    // then
    assertThat(c.problems).singleElement().asString().contains("energy off");
  }

  @Test
  void shouldReportASessionStillActiveOrStartingElsewhere() {
    // when
    SessionComparison active = compare(truth(30.0), session(START, 30.0, SessionStatus.ACTIVE));
    SessionComparison late =
        compare(truth(30.0), session(START.plusSeconds(120), 30.0, SessionStatus.COMPLETED));
    // then
    assertThat(active.problems).anyMatch(p -> p.contains("is ACTIVE"));
    assertThat(late.problems)
        .anyMatch(p -> p.contains("no pipeline session"))
        .anyMatch(p -> p.contains("has no true session"));
  }
}
