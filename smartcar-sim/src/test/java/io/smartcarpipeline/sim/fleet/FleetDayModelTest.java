package io.smartcarpipeline.sim.fleet;

import static io.smartcarpipeline.sim.fleet.OfflineFleet.number;
import static io.smartcarpipeline.sim.fleet.OfflineFleet.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two simulated days of an eight-car fleet, stepped by hand. */
class FleetDayModelTest {

  private static OfflineFleet fleet;

  @BeforeAll
  static void liveTwoDays() {
    fleet = new OfflineFleet(8, 42);
    fleet.run(Duration.ofHours(48));
  }

  private static List<ChargingSessionTruth> allSessions() {
    return fleet.ledger.sessions().values().stream().flatMap(List::stream).toList();
  }

  @Test
  void shouldDeliverSessionEnergyEqualToSocRiseTimesCapacity() {
    List<ChargingSessionTruth> sessions = allSessions();

    assertThat(sessions).hasSizeGreaterThanOrEqualTo(16);
    for (ChargingSessionTruth s : sessions) {
      double capacity = fleet.profile(s.vehicleId()).car().capacityKwh();
      assertThat(s.energyKwh())
          .as("session %s #%d", s.vehicleId(), s.number())
          .isPositive()
          .isCloseTo((s.endSoc() - s.startSoc()) * capacity / 100, offset(1e-6));
    }
  }

  @Test
  void shouldReportTheEnergyCounterAsDeliveredWithinRounding() {
    for (ChargingSessionTruth s : allSessions()) {
      if (s.estimated() || s.endedAt() == null) {
        continue;
      }
      double lastReported =
          fleet
              .states(s.vehicleId())
              .filter(e -> !e.createdAt().isBefore(s.chargingStartedAt()))
              .filter(e -> !e.createdAt().isAfter(s.endedAt()))
              .mapToDouble(e -> number(e, SimSignal.ENERGY_ADDED))
              .max()
              .orElseThrow();
      assertThat(lastReported).isCloseTo(s.energyKwh(), offset(0.005));
    }
  }

  @Test
  void shouldLiveAPlausibleDay() {
    List<ChargingSessionTruth> sessions = allSessions();

    assertThat(sessions).anyMatch(ChargingSessionTruth::atHome);
    assertThat(sessions).anyMatch(ChargingSessionTruth::fastCharger);
    assertThat(sessions).anyMatch(s -> "FULLY_CHARGED".equals(s.endReason()));
    assertThat(sessions).anyMatch(s -> "UNPLUGGED".equals(s.endReason()));
    assertThat(fleet.events).anyMatch(e -> Boolean.TRUE.equals(value(e, SimSignal.IS_ASLEEP)));
    assertThat(fleet.events).anyMatch(e -> "CCS".equals(value(e, SimSignal.FAST_CHARGER_TYPE)));
    assertThat(fleet.events).anyMatch(e -> Boolean.TRUE.equals(value(e, SimSignal.IS_AT_HOME)));
    assertThat(fleet.events).anyMatch(e -> e.errors().contains("VEHICLE_STATE:ASLEEP:RESOLVED"));
    assertThat(fleet.profiles).anyMatch(p -> drove(p.vehicleId()));
    assertThat(fleet.profiles).anyMatch(p -> pausedAndResumed(p.vehicleId()));
  }

  /** Some event pair shows the odometer up, the SoC down and the car moved. */
  private static boolean drove(String vehicleId) {
    List<WebhookEvent> events = fleet.states(vehicleId).toList();
    for (int i = 1; i < events.size(); i++) {
      WebhookEvent a = events.get(i - 1);
      WebhookEvent b = events.get(i);
      boolean moved =
          !OfflineFleet.body(a, SimSignal.PRECISE_LOCATION)
              .equals(OfflineFleet.body(b, SimSignal.PRECISE_LOCATION));
      if (number(b, SimSignal.ODOMETER) > number(a, SimSignal.ODOMETER)
          && number(b, SimSignal.STATE_OF_CHARGE) < number(a, SimSignal.STATE_OF_CHARGE)
          && moved) {
        return true;
      }
    }
    return false;
  }

  /** Plugged in, charging stops below the limit (NOT_CHARGING), then charging again. */
  private static boolean pausedAndResumed(String vehicleId) {
    boolean charged = false;
    boolean paused = false;
    for (WebhookEvent e : fleet.states(vehicleId).toList()) {
      boolean plugged = Boolean.TRUE.equals(value(e, SimSignal.CABLE_CONNECTED));
      boolean charging = Boolean.TRUE.equals(value(e, SimSignal.IS_CHARGING));
      if (!plugged) {
        charged = false;
        paused = false;
      } else if (charging && paused) {
        return true;
      } else if (charging) {
        charged = true;
      } else if (charged && "NOT_CHARGING".equals(value(e, SimSignal.DETAILED_CHARGING_STATUS))) {
        paused = true;
      }
    }
    return false;
  }

  @Test
  void shouldReportMilesForTheImperialVehicle() {
    VehicleModel ford = fleet.stepper.models().get(2);
    WebhookEvent last = fleet.states("veh-0003").reduce((a, b) -> b).orElseThrow();

    assertThat(ford.profile().car().imperial()).isTrue();
    assertThat(OfflineFleet.body(last, SimSignal.ODOMETER)).containsEntry("unit", "miles");
    assertThat(OfflineFleet.body(last, SimSignal.RANGE)).containsEntry("unit", "miles");
    assertThat(number(last, SimSignal.ODOMETER))
        .isEqualTo(Math.round(ford.readings().odometerKm() / SignalRenderer.KM_PER_MILE));
    assertThat(fleet.states("veh-0001"))
        .allMatch(e -> "km".equals(OfflineFleet.body(e, SimSignal.ODOMETER).get("unit")));
  }

  @Test
  void shouldSendNoEnergySignalsForTheEstimatingVehicle() {
    Predicate<JsonObject> energyOrPower =
        s ->
            s.getString("code").equals(SimSignal.ENERGY_ADDED.code())
                || s.getString("code").equals(SimSignal.WATTAGE.code());

    List<JsonObject> reported =
        fleet
            .states("veh-0002")
            .flatMap(e -> OfflineFleet.signals(e).stream())
            .filter(energyOrPower)
            .toList();

    assertThat(reported).isNotEmpty();
    assertThat(reported).allMatch(s -> !s.containsKey("body"));
    assertThat(reported)
        .allMatch(s -> s.getJsonObject("status").getString("value").equals("ERROR"))
        .allMatch(
            s ->
                "VEHICLE_NOT_CAPABLE"
                    .equals(s.getJsonObject("status").getJsonObject("error").getString("code")));
    assertThat(fleet.ledger.sessions("veh-0002"))
        .isNotEmpty()
        .allMatch(ChargingSessionTruth::estimated);
  }

  @Test
  void shouldLetTheEstimateFromReportedSocMatchTheTruthWithin2Percent() {
    double capacity = fleet.profile("veh-0002").car().capacityKwh();
    for (ChargingSessionTruth s : fleet.ledger.sessions("veh-0002")) {
      double start = SignalRenderer.soc(fleet.profile("veh-0002"), s.startSoc()).doubleValue();
      double end = SignalRenderer.soc(fleet.profile("veh-0002"), s.endSoc()).doubleValue();

      assertThat((end - start) * capacity / 100)
          .isCloseTo(s.energyKwh(), offset(s.energyKwh() * 0.02));
    }
  }

  @Test
  void shouldBeDeterministicForASeed() {
    OfflineFleet a = new OfflineFleet(5, 7);
    OfflineFleet b = new OfflineFleet(5, 7);
    OfflineFleet c = new OfflineFleet(5, 8);

    List<String> first = a.run(Duration.ofHours(6)).stream().map(e -> e.body().encode()).toList();
    List<String> second = b.run(Duration.ofHours(6)).stream().map(e -> e.body().encode()).toList();
    List<String> other = c.run(Duration.ofHours(6)).stream().map(e -> e.body().encode()).toList();

    assertThat(first).isNotEmpty().isEqualTo(second).isNotEqualTo(other);
  }
}
