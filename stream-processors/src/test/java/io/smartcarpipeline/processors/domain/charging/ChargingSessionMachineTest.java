package io.smartcarpipeline.processors.domain.charging;

import static io.smartcarpipeline.processors.testdata.ChargingDay.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.EnergySource;
import io.smartcarpipeline.events.SessionEndReason;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.processors.testdata.ChargingDay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargingSessionMachineTest {

  private static final String V = "vehicle-1";
  private final ChargingSessionMachine machine =
      new ChargingSessionMachine(
          new SessionRules(Duration.ofMinutes(30), Duration.ofHours(6), Duration.ofHours(2)));
  private final ChargingTracker tracker = new ChargingTracker();
  private final ChargingDay day = new ChargingDay(V);
  private final List<ChargingSession> out = new ArrayList<>();

  private List<ChargingSession> feed(VehicleEvent e) {
    List<ChargingSession> r =
        machine.onEvent(V, tracker, ChargeObservation.of(e), e.getReceivedAt().toEpochMilli());
    out.addAll(r);
    return r;
  }

  private List<ChargingSession> wallClock(long minute) {
    List<ChargingSession> r = machine.onWallClock(V, tracker, at(minute).toEpochMilli());
    out.addAll(r);
    return r;
  }

  private ChargingSession last() {
    return out.get(out.size() - 1);
  }

  @Test
  void shouldCloseSessionWhenCableUnplugged() {
    feed(day.plugged(0, true));
    feed(day.charge(1, true, true, 40, 0.0));
    feed(day.charge(61, true, true, 60, 15.0));
    feed(day.charge(62, false, false, 60, 15.0));

    ChargingSession fin = last();
    assertThat(fin.getStatus()).isEqualTo(SessionStatus.COMPLETED);
    assertThat(fin.getEndReason()).isEqualTo(SessionEndReason.UNPLUGGED);
    assertThat(fin.getEnergyKwh()).isCloseTo(15.0, within(1e-9));
    assertThat(fin.getEnergySource()).isEqualTo(EnergySource.MEASURED);
    assertThat(fin.getStartedAt()).isEqualTo(at(1));
    assertThat(fin.getPluggedInAt()).isEqualTo(at(0));
    assertThat(fin.getEndedAt()).isEqualTo(at(62));
    assertThat(fin.getStartSoc()).isEqualTo(40.0);
    assertThat(fin.getEndSoc()).isEqualTo(60.0);
    assertThat(fin.getChargingSeconds()).isEqualTo(61 * 60);
    assertThat(out).extracting(ChargingSession::getRevision).containsExactly(1, 2, 3);
    assertThat(out).extracting(ChargingSession::getSessionId).containsOnly(fin.getSessionId());
  }

  @Test
  void shouldCountPauseAndResumeAsSegmentsOfOneSession() {
    feed(day.charge(0, true, true, 20, 0.0));
    feed(day.charge(30, true, false, 30, 5.0));
    feed(day.charge(90, true, true, 30, 5.0));
    feed(day.charge(120, true, false, 40, 10.0));
    feed(day.charge(121, false, false, 40, 10.0));

    ChargingSession fin = last();
    assertThat(out).extracting(ChargingSession::getSessionId).containsOnly(fin.getSessionId());
    assertThat(fin.getSegments()).isEqualTo(2);
    assertThat(fin.getChargingSeconds()).isEqualTo(60 * 60);
    assertThat(fin.getDurationSeconds()).isEqualTo(121 * 60);
    assertThat(fin.getEnergyKwh()).isCloseTo(10.0, within(1e-9));
    assertThat(fin.getAveragePowerKw()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void shouldRebaseWhenEnergyCounterDropsInsidePlugIn() {
    feed(day.charge(0, true, true, 20, 0.0));
    feed(day.charge(30, true, true, 30, 6.0));
    feed(day.charge(40, true, false, 32, 7.0));
    feed(day.charge(50, true, true, 32, 0.0));
    feed(day.charge(80, true, true, 40, 4.0));
    feed(day.charge(81, false, false, 40, 4.0));

    assertThat(last().getEnergyKwh()).isCloseTo(11.0, within(1e-9));
    assertThat(last().getEnergySource()).isEqualTo(EnergySource.MEASURED);
  }

  @Test
  void shouldTakeStaleCounterBeforeChargingAsBaselineNotAsEnergy() {
    feed(
        day.event(0)
            .bool("charge-ischargingcableconnected", true, at(0))
            .number("charge-energyadded", 12.4, "kWh", at(0))
            .build());
    feed(day.charge(5, true, true, 50, 12.4));
    feed(day.charge(10, true, true, 52, 0.8));
    feed(day.charge(40, true, true, 60, 5.0));
    feed(day.plugged(41, false));

    assertThat(last().getEnergyKwh()).isCloseTo(5.0, within(1e-9));
  }

  @Test
  void shouldEstimateEnergyFromSocAndNominalCapacityWithoutCounter() {
    feed(day.event(0).number("tractionbattery-nominalcapacity", 75, "kWh", at(0)).build());
    feed(
        day.event(1)
            .bool("charge-ischargingcableconnected", true, at(1))
            .bool("charge-ischarging", true, at(1))
            .number("tractionbattery-stateofcharge", 20, "percent", at(1))
            .build());
    feed(
        day.event(60)
            .bool("charge-ischarging", true, at(60))
            .number("tractionbattery-stateofcharge", 60, "percent", at(60))
            .build());
    feed(day.plugged(61, false));

    assertThat(last().getEnergySource()).isEqualTo(EnergySource.ESTIMATED);
    assertThat(last().getEnergyKwh()).isCloseTo(30.0, within(1e-9));
  }

  @Test
  void shouldEndSessionAfterStopGapWhenVehicleHasNoPlugSignal() {
    feed(
        day.event(0)
            .bool("charge-ischarging", true, at(0))
            .number("charge-energyadded", 0, "kWh", at(0))
            .build());
    feed(
        day.event(20)
            .bool("charge-ischarging", false, at(20))
            .number("charge-energyadded", 4, "kWh", at(20))
            .build());
    feed(day.event(35).bool("charge-ischarging", true, at(35)).build());
    feed(
        day.event(50)
            .bool("charge-ischarging", false, at(50))
            .number("charge-energyadded", 7, "kWh", at(50))
            .build());
    assertThat(last().getStatus()).isEqualTo(SessionStatus.ACTIVE);

    feed(day.event(90).number("tractionbattery-stateofcharge", 70, "percent", at(90)).build());

    ChargingSession fin = last();
    assertThat(fin.getStatus()).isEqualTo(SessionStatus.COMPLETED);
    assertThat(fin.getEndReason()).isEqualTo(SessionEndReason.STOPPED);
    assertThat(fin.getEndedAt()).isEqualTo(at(50));
    assertThat(fin.getSegments()).isEqualTo(2);
    assertThat(fin.getEnergyKwh()).isCloseTo(7.0, within(1e-9));
    assertThat(fin.getPluggedInAt()).isNull();
  }

  @Test
  void shouldCloseNoPlugSessionOnWallClockWhenChargingDoesNotResume() {
    feed(day.event(0).bool("charge-ischarging", true, at(0)).build());
    feed(
        day.event(20)
            .bool("charge-ischarging", false, at(20))
            .text("charge-detailedchargingstatus", "FULLY_CHARGED", at(20))
            .build());

    assertThat(wallClock(40)).isEmpty();
    List<ChargingSession> closed = wallClock(51);

    assertThat(closed)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getEndReason()).isEqualTo(SessionEndReason.FULLY_CHARGED);
              assertThat(s.getEndedAt()).isEqualTo(at(20));
            });
  }

  @Test
  void shouldNotEmitGhostSessionForPlugInWithoutCharging() {
    feed(day.plugged(0, true));
    feed(day.charge(30, true, false, 50, 0.0));
    feed(day.plugged(60, false));

    assertThat(out).isEmpty();
    assertThat(tracker.idle()).isTrue();
  }

  @Test
  void shouldTimeOutSilentSessionWithWallClock() {
    feed(day.charge(0, true, true, 20, 0.0));
    feed(day.charge(30, true, true, 30, 6.0));

    assertThat(wallClock(60 * 6)).isEmpty();
    List<ChargingSession> closed = wallClock(60 * 6 + 31);

    assertThat(closed)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getStatus()).isEqualTo(SessionStatus.TIMED_OUT);
              assertThat(s.getEndReason()).isEqualTo(SessionEndReason.TIMED_OUT);
              assertThat(s.getEndedAt()).isEqualTo(at(30));
              assertThat(s.getEnergyKwh()).isCloseTo(6.0, within(1e-9));
            });
    assertThat(tracker.open).isNull();
  }

  @Test
  void shouldCorrectFinalRecordWhenLateEventArrivesInsideGrace() {
    feed(day.charge(0, true, true, 20, 0.0));
    feed(day.charge(50, true, true, 40, 10.0));
    feed(day.plugged(60, false));
    ChargingSession fin = last();

    List<ChargingSession> corrected =
        feed(
            day.event(58)
                .bool("charge-ischarging", true, at(58))
                .number("tractionbattery-stateofcharge", 44, "percent", at(58))
                .number("charge-energyadded", 12.5, "kWh", at(58))
                .build());

    assertThat(corrected)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getSessionId()).isEqualTo(fin.getSessionId());
              assertThat(s.getRevision()).isEqualTo(fin.getRevision() + 1);
              assertThat(s.getStatus()).isEqualTo(SessionStatus.COMPLETED);
              assertThat(s.getEnergyKwh()).isCloseTo(12.5, within(1e-9));
              assertThat(s.getEndSoc()).isEqualTo(44.0);
            });
    assertThat(tracker.open).isNull();
  }

  @Test
  void shouldIgnoreLateOlderReadingsInsteadOfMovingSessionBackwards() {
    feed(day.charge(0, true, true, 20, 0.0));
    feed(day.charge(30, true, true, 40, 8.0));
    int before = out.size();

    feed(day.charge(10, true, true, 25, 2.0));
    feed(day.charge(30, true, true, 40, 8.0));

    assertThat(out).hasSize(before);
    assertThat(last().getEnergyKwh()).isCloseTo(8.0, within(1e-9));
    assertThat(last().getEndSoc()).isEqualTo(40.0);
  }

  @Test
  void shouldConvertWattsKilowattsAndWattHours() {
    feed(
        day.event(0)
            .bool("charge-ischargingcableconnected", true, at(0))
            .bool("charge-ischarging", true, at(0))
            .number("charge-wattage", 11, "kW", at(0))
            .number("charge-energyadded", 0, "Wh", at(0))
            .build());
    feed(
        day.event(30)
            .number("charge-wattage", 7400, "watts", at(30))
            .number("charge-energyadded", 5500, "Wh", at(30))
            .build());
    feed(day.plugged(31, false));

    assertThat(last().getPeakPowerKw()).isCloseTo(11.0, within(1e-9));
    assertThat(last().getEnergyKwh()).isCloseTo(5.5, within(1e-9));
  }

  @Test
  void shouldRecordContextAtStart() {
    feed(
        day.event(0)
            .location(52.2, 0.15, at(0))
            .bool("location-isathome", true, at(0))
            .chargeLimit(80, at(0))
            .bool("charge-isfastchargerpresent", false, at(0))
            .text("charge-chargingconnectortype", "J1772", at(0))
            .build());
    feed(day.charge(1, true, true, 20, 0.0));

    ChargingSession s = last();
    assertThat(s.getLocation().getLatitude()).isEqualTo(52.2);
    assertThat(s.getIsAtHome()).isTrue();
    assertThat(s.getChargeLimit()).isEqualTo(80.0);
    assertThat(s.getFastCharger()).isFalse();
    assertThat(s.getConnectorType()).isEqualTo("J1772");
  }
}
