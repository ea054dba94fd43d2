package io.smartcarpipeline.sim.fleet;

import static io.smartcarpipeline.sim.fleet.OfflineFleet.number;
import static io.smartcarpipeline.sim.fleet.OfflineFleet.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.sim.vehicle.CommandParams;
import io.smartcarpipeline.sim.vehicle.CommandType;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Commands reach the fleet through the shared {@link SimVehicle}, as the API stand-in sends them.
 */
class FleetCommandsTest {

  private static final String POLESTAR = "veh-0008"; // index 7: plugged in at home and charging

  private static WebhookEvent last(List<WebhookEvent> events) {
    return events.stream()
        .filter(e -> e.isVehicleState() && e.vehicleId().equals(POLESTAR))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  @Test
  void shouldStayStoppedAfterAChargeStopCommand() {
    OfflineFleet fleet = new OfflineFleet(8, 42);
    SimVehicle car = fleet.state.require(POLESTAR);
    assertThat(car.snapshot().charging()).isTrue();

    assertThat(car.execute(CommandType.CHARGE_STOP, CommandParams.none()).succeeded()).isTrue();
    WebhookEvent stopped = last(fleet.run(Duration.ofMinutes(1)));
    fleet.run(Duration.ofMinutes(30));
    WebhookEvent later = last(fleet.events);

    assertThat(value(stopped, SimSignal.IS_CHARGING)).isEqualTo(false);
    assertThat(value(stopped, SimSignal.DETAILED_CHARGING_STATUS)).isEqualTo("NOT_CHARGING");
    assertThat(number(later, SimSignal.STATE_OF_CHARGE))
        .isEqualTo(number(stopped, SimSignal.STATE_OF_CHARGE));
    assertThat(number(later, SimSignal.ENERGY_ADDED))
        .isEqualTo(number(stopped, SimSignal.ENERGY_ADDED));
  }

  @Test
  void shouldChargeToANewLimitAndReportFullyCharged() {
    OfflineFleet fleet = new OfflineFleet(8, 42);
    SimVehicle car = fleet.state.require(POLESTAR);
    int limit = (int) Math.ceil(car.snapshot().socPrecise()) + 10;

    assertThat(car.execute(CommandType.CHARGE_SET_LIMIT, CommandParams.percent(limit)).succeeded())
        .isTrue();
    fleet.run(Duration.ofHours(2));

    List<WebhookEvent> full =
        fleet
            .states(POLESTAR)
            .filter(e -> "FULLY_CHARGED".equals(value(e, SimSignal.DETAILED_CHARGING_STATUS)))
            .toList();
    assertThat(full).isNotEmpty();
    assertThat(number(full.get(0), SimSignal.STATE_OF_CHARGE)).isEqualTo(limit);
    assertThat(OfflineFleet.body(full.get(0), SimSignal.CHARGE_LIMITS))
        .containsEntry("activeLimit", limit);
  }

  @Test
  void shouldReportAnUnlockAndANewDestinationTrip() {
    OfflineFleet fleet = new OfflineFleet(8, 42);
    SimVehicle car = fleet.state.require(POLESTAR);
    double lat = car.snapshot().latitude() + 0.05;
    double lon = car.snapshot().longitude();

    car.execute(CommandType.SECURITY_UNLOCK, CommandParams.none());
    car.execute(CommandType.NAVIGATION_SET_DESTINATION, CommandParams.destination(lat, lon));
    WebhookEvent unlocked = last(fleet.run(Duration.ofMinutes(1)));
    fleet.run(Duration.ofHours(1));

    assertThat(value(unlocked, SimSignal.IS_LOCKED)).isEqualTo(false);
    assertThat(fleet.states(POLESTAR))
        .as("a report from the destination")
        .anyMatch(
            e ->
                OfflineFleet.body(e, SimSignal.PRECISE_LOCATION)
                        .get("latitude")
                        .equals(SignalRenderer.round(lat, 5))
                    && OfflineFleet.body(e, SimSignal.PRECISE_LOCATION)
                        .get("longitude")
                        .equals(SignalRenderer.round(lon, 5)));
  }

  @Test
  void shouldReportAStopOnlyOnceTheReportDelayHasPassed() {
    OfflineFleet fleet = new OfflineFleet(8, 42);
    SimVehicle car = fleet.state.require(POLESTAR);
    Instant reportFrom = fleet.clock.instant().plus(Duration.ofMinutes(10));

    assertThat(car.execute(CommandType.CHARGE_STOP, CommandParams.none(), reportFrom).succeeded())
        .isTrue();
    List<WebhookEvent> held = fleet.run(Duration.ofMinutes(9));
    List<WebhookEvent> after = fleet.run(Duration.ofMinutes(2));

    assertThat(car.snapshot().charging()).as("the car itself stopped").isFalse();
    assertThat(held.stream().filter(e -> e.vehicleId().equals(POLESTAR)))
        .as("nothing new is reported while the change is held")
        .isEmpty();
    WebhookEvent reported = last(after);
    assertThat(value(reported, SimSignal.IS_CHARGING)).isEqualTo(false);
    assertThat(reported.oemUpdatedAt().get(SimSignal.IS_CHARGING.code()))
        .as("oemUpdatedAt of the change: when it was reported, not when the car stopped")
        .isGreaterThanOrEqualTo(reportFrom.toEpochMilli());
  }

  @Test
  void shouldNeverReportALockThatIsNeverReported() {
    OfflineFleet fleet = new OfflineFleet(8, 42);
    SimVehicle car = fleet.state.require(POLESTAR);
    boolean before = car.snapshot().locked();
    CommandType command = before ? CommandType.SECURITY_UNLOCK : CommandType.SECURITY_LOCK;

    assertThat(car.execute(command, CommandParams.none(), Instant.MAX).succeeded()).isTrue();
    fleet.run(Duration.ofHours(3));

    assertThat(car.snapshot().locked()).isNotEqualTo(before);
    assertThat(fleet.states(POLESTAR).map(e -> value(e, SimSignal.IS_LOCKED)))
        .as("every closure-islocked the car ever reported")
        .containsOnly(before);
  }
}
