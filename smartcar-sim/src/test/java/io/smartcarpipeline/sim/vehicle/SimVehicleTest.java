package io.smartcarpipeline.sim.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.sim.SmartcarError;
import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimVehicleTest {

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");

  private SimVehicleBuilder vehicle() {
    return SimVehicle.builder("veh-1", "user-1").clock(clock);
  }

  private static SmartcarError refusal(CommandOutcome outcome) {
    assertThat(outcome.succeeded()).as("command should be refused").isFalse();
    return outcome.error();
  }

  @Test
  void shouldStartChargingWhenPluggedInAndBelowLimit() {
    SimVehicle car = vehicle().pluggedIn(true).soc(40).chargeLimit(80).build();

    CommandOutcome outcome = car.execute(CommandType.CHARGE_START, CommandParams.none());

    assertThat(outcome.succeeded()).isTrue();
    assertThat(car.snapshot().charging()).isTrue();
    assertThat(car.snapshot().detailedChargingStatus()).isEqualTo("CHARGING");
  }

  @Test
  void shouldAnswerChargingInProgressWhenStartingWhileCharging() {
    SimVehicle car = vehicle().charging(true).build();

    SmartcarError error = refusal(car.execute(CommandType.CHARGE_START, CommandParams.none()));

    assertThat(error.statusCode()).isEqualTo(409);
    assertThat(error.type()).isEqualTo("VEHICLE_STATE");
    assertThat(error.code()).isEqualTo("CHARGING_IN_PROGRESS");
  }

  @Test
  void shouldAnswerPlugNotConnectedWhenStartingUnplugged() {
    SimVehicle car = vehicle().pluggedIn(false).build();

    SmartcarError error = refusal(car.execute(CommandType.CHARGE_START, CommandParams.none()));

    assertThat(error.code()).isEqualTo("CHARGING_PLUG_NOT_CONNECTED");
    assertThat(car.snapshot().charging()).isFalse();
  }

  @Test
  void shouldAnswerFullyChargedWhenSocHasReachedTheLimit() {
    SimVehicle car = vehicle().soc(80).chargeLimit(80).build();

    SmartcarError error = refusal(car.execute(CommandType.CHARGE_START, CommandParams.none()));

    assertThat(error.code()).isEqualTo("FULLY_CHARGED");
  }

  @Test
  void shouldStopChargingOnlyWhileCharging() {
    SimVehicle car = vehicle().charging(true).build();

    assertThat(car.execute(CommandType.CHARGE_STOP, CommandParams.none()).succeeded()).isTrue();
    SmartcarError second = refusal(car.execute(CommandType.CHARGE_STOP, CommandParams.none()));

    assertThat(car.snapshot().charging()).isFalse();
    assertThat(second.code()).isEqualTo("NOT_CHARGING");
  }

  @Test
  void shouldSetChargeLimitAndStopChargingWhenLimitFallsToSoc() {
    SimVehicle car = vehicle().charging(true).soc(70).chargeLimit(90).build();

    CommandOutcome outcome = car.execute(CommandType.CHARGE_SET_LIMIT, CommandParams.percent(60));

    assertThat(outcome.succeeded()).isTrue();
    assertThat(car.snapshot().chargeLimit()).isEqualTo(60);
    assertThat(car.snapshot().charging()).isFalse();
  }

  @Test
  void shouldRefuseChargeLimitWhenUnplugged() {
    SimVehicle car = vehicle().pluggedIn(false).chargeLimit(80).build();

    SmartcarError error =
        refusal(car.execute(CommandType.CHARGE_SET_LIMIT, CommandParams.percent(90)));

    assertThat(error.code()).isEqualTo("CHARGING_PLUG_NOT_CONNECTED");
    assertThat(car.snapshot().chargeLimit()).isEqualTo(80);
  }

  @Test
  void shouldLockUnlockAndSetDestinationAndStampTheChange() {
    SimVehicle car = vehicle().locked(true).build();
    clock.advance(Duration.ofMinutes(5));

    car.execute(CommandType.SECURITY_UNLOCK, CommandParams.none());
    car.execute(CommandType.NAVIGATION_SET_DESTINATION, CommandParams.destination(52.52, 13.40));

    VehicleSnapshot state = car.snapshot();
    assertThat(state.locked()).isFalse();
    assertThat(state.destinationLatitude()).isEqualTo(52.52);
    assertThat(state.destinationLongitude()).isEqualTo(13.40);
    assertThat(state.updatedAt()).isEqualTo(clock.instant());
    assertThat(car.execute(CommandType.SECURITY_LOCK, CommandParams.none()).succeeded()).isTrue();
    assertThat(car.snapshot().locked()).isTrue();
  }

  @Test
  void shouldRequireVirtualKeyForEveryCommandOnATeslaWithoutIt() {
    SimVehicle car = vehicle().tesla(false).locked(true).build();

    for (CommandType type : CommandType.values()) {
      CommandParams params =
          switch (type) {
            case CHARGE_SET_LIMIT -> CommandParams.percent(80);
            case NAVIGATION_SET_DESTINATION -> CommandParams.destination(1, 2);
            default -> CommandParams.none();
          };
      SmartcarError error = refusal(car.execute(type, params));
      assertThat(error.statusCode()).isEqualTo(400);
      assertThat(error.type()).isEqualTo("CONNECTED_SERVICES_ACCOUNT");
      assertThat(error.code()).isEqualTo("VIRTUAL_KEY_REQUIRED");
    }
    assertThat(car.snapshot().locked()).isTrue();
  }

  @Test
  void shouldAcceptCommandsOnATeslaWithItsVirtualKey() {
    SimVehicle car = vehicle().tesla(true).locked(true).build();

    assertThat(car.execute(CommandType.SECURITY_UNLOCK, CommandParams.none()).succeeded()).isTrue();
  }

  @Test
  void shouldAnswerAsleepUntilTheConfiguredNumberOfAttemptsThenWake() {
    SimVehicle car = vehicle().asleep(2).locked(true).build();

    SmartcarError first = refusal(car.execute(CommandType.SECURITY_UNLOCK, CommandParams.none()));
    SmartcarError second = refusal(car.execute(CommandType.SECURITY_UNLOCK, CommandParams.none()));
    CommandOutcome third = car.execute(CommandType.SECURITY_UNLOCK, CommandParams.none());

    assertThat(first.code()).isEqualTo("ASLEEP");
    assertThat(first.resolutionType()).isEqualTo("RETRY_LATER");
    assertThat(second.code()).isEqualTo("ASLEEP");
    assertThat(third.succeeded()).isTrue();
    assertThat(car.snapshot().asleep()).isFalse();
    assertThat(car.snapshot().locked()).isFalse();
  }

  @Test
  void shouldStayAsleepWhenWakeAfterIsNegative() {
    SimVehicle car = vehicle().asleep(-1).build();

    for (int i = 0; i < 5; i++) {
      assertThat(refusal(car.execute(CommandType.SECURITY_LOCK, CommandParams.none())).code())
          .isEqualTo("ASLEEP");
    }
    car.wakeUp();

    assertThat(car.execute(CommandType.SECURITY_LOCK, CommandParams.none()).succeeded()).isTrue();
  }

  @Test
  void shouldStopChargingWhenUnpluggedOrSocReachesLimit() {
    SimVehicle unplugged = vehicle().charging(true).build();
    SimVehicle full = vehicle().charging(true).soc(70).chargeLimit(80).build();

    unplugged.setPluggedIn(false);
    full.setSoc(80);

    assertThat(unplugged.snapshot().charging()).isFalse();
    assertThat(full.snapshot().charging()).isFalse();
    assertThat(full.snapshot().detailedChargingStatus()).isEqualTo("FULLY_CHARGED");
  }

  @Test
  void shouldReportACommandsChangeOnlyAfterTheReportDelay() {
    SimVehicle v = vehicle().locked(false).build();
    java.time.Instant ranAt = clock.instant();

    v.execute(CommandType.SECURITY_LOCK, CommandParams.none(), ranAt.plusSeconds(30));

    assertThat(v.snapshot().locked()).isTrue();
    SimVehicle.Reported early = v.reported(clock.instant());
    assertThat(early.snapshot().locked()).isFalse();
    assertThat(early.oemUpdatedAt()).isBefore(ranAt.plusMillis(1));
    clock.advance(Duration.ofSeconds(30));
    SimVehicle.Reported late = v.reported(clock.instant());
    assertThat(late.snapshot().locked()).isTrue();
    assertThat(late.oemUpdatedAt()).isEqualTo(clock.instant());
  }

  @Test
  void shouldNeverReportTheChangeOfACommandThatNeverReports() {
    SimVehicle v = vehicle().locked(true).build();

    v.execute(CommandType.SECURITY_UNLOCK, CommandParams.none(), java.time.Instant.MAX);
    clock.advance(Duration.ofDays(1));

    assertThat(v.snapshot().locked()).isFalse();
    assertThat(v.reported(clock.instant()).snapshot().locked()).isTrue();
  }
}
