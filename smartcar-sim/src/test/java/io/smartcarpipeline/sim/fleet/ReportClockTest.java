package io.smartcarpipeline.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.sim.vehicle.SimFleetState;
import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportClockTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @Test
  void shouldStampTheClocksTimeAndNeverTheSameMillisecondTwice() {
    MutableClock clock = new MutableClock(T0);
    ReportClock stamps = new ReportClock(clock);

    Instant first = stamps.next();
    Instant second = stamps.next(); // the clock stood still
    clock.advance(Duration.ofSeconds(5));
    Instant third = stamps.next();

    assertThat(first).isEqualTo(T0);
    assertThat(second).isEqualTo(T0.plusMillis(1));
    assertThat(third).isEqualTo(T0.plusSeconds(5));
    assertThat(stamps.now()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void shouldStampTheFleetsReportsWithTheReportClockWhileTheCarsLiveInSimulatedTime() {
    MutableClock wall = new MutableClock(T0);
    SimulatedClock simulated = new SimulatedClock(T0);
    SimFleetState state = new SimFleetState(wall);
    FleetStepper stepper =
        new FleetStepper(
            FleetProfiles.create(8, 42),
            42,
            simulated,
            new ReportClock(wall),
            Duration.ofMinutes(1),
            new FleetLedger(wall),
            state);
    List<WebhookEvent> events = new ArrayList<>(stepper.firstDeliveries());
    for (int i = 0; i < 120; i++) {
      wall.advance(Duration.ofSeconds(1)); // factor 60: a simulated minute per real second
      events.addAll(stepper.tick());
    }

    assertThat(simulated.instant()).isEqualTo(T0.plus(Duration.ofHours(2)));
    long latest = T0.plus(Duration.ofMinutes(2)).toEpochMilli();
    assertThat(events).isNotEmpty();
    assertThat(events)
        .allSatisfy(e -> assertThat(e.retrievedAt()).isBetween(T0.toEpochMilli(), latest));
    assertThat(events.stream().flatMap(e -> e.oemUpdatedAt().values().stream()))
        .as("oemUpdatedAt of every signal (the VIN's is 0)")
        .allSatisfy(t -> assertThat(t == 0 || (t >= T0.toEpochMilli() && t <= latest)).isTrue());
  }
}
