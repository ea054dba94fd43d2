package io.smartcarpipeline.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChargingPolicyTest {

  private static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");

  private static VehicleView home(double soc, boolean charging, Double limit) {
    return new VehicleView(
        "veh-1",
        "user-1",
        Optional.of(true),
        Optional.of(true),
        Optional.of(soc),
        Optional.of(charging),
        Optional.ofNullable(limit));
  }

  private static CommandResult result(CommandStatus status, String errorType) {
    return CommandResult.newBuilder()
        .setCommandId("c")
        .setVehicleId("veh-1")
        .setType(CommandType.START_CHARGING)
        .setStatus(status)
        .setAttempts(1)
        .setErrorType(errorType)
        .setRequestedAt(T0)
        .setCompletedAt(T0)
        .build();
  }

  @Test
  void pluggedInAtHomeBelowTargetSetsTheLimitThenStartsCharging() {
    ChargingPolicy policy = new ChargingPolicy(80);

    assertThat(policy.decide(home(40, false, 100.0), false, T0))
        .extracting(ChargingPolicy.Decision::type)
        .containsExactly(CommandType.SET_CHARGE_LIMIT, CommandType.START_CHARGING);
  }

  @Test
  void limitAlreadyAtTargetOnlyStarts() {
    assertThat(new ChargingPolicy(80).decide(home(40, false, 80.0), false, T0))
        .extracting(ChargingPolicy.Decision::type)
        .containsExactly(CommandType.START_CHARGING);
  }

  @Test
  void peakStopsHomeCharging() {
    assertThat(new ChargingPolicy(80).decide(home(40, true, 80.0), true, T0))
        .extracting(ChargingPolicy.Decision::type)
        .containsExactly(CommandType.STOP_CHARGING);
  }

  @Test
  void nothingNewWhileAResultIsOutstanding() {
    ChargingPolicy policy = new ChargingPolicy(80);
    policy.decide(home(40, true, 80.0), true, T0);

    assertThat(policy.decide(home(40, true, 80.0), true, T0.plusSeconds(10))).isEmpty();
  }

  @Test
  void theSameCommandIsNotRepeatedWhileStateLags() {
    ChargingPolicy policy = new ChargingPolicy(80);
    policy.decide(home(40, true, 80.0), true, T0);
    policy.resultArrived(result(CommandStatus.SUCCEEDED, null), T0.plusSeconds(5));

    assertThat(policy.decide(home(40, true, 80.0), true, T0.plusSeconds(20))).isEmpty();
    assertThat(policy.decide(home(40, true, 80.0), true, T0.plus(Duration.ofMinutes(3))))
        .hasSize(1);
  }

  @Test
  void aVirtualKeyFailureStopsAllCommandsToThatVehicle() {
    ChargingPolicy policy = new ChargingPolicy(80);
    policy.decide(home(40, false, 80.0), false, T0);

    policy.resultArrived(result(CommandStatus.FAILED, "CONNECTED_SERVICES_ACCOUNT"), T0);

    assertThat(policy.waitingForOwner("veh-1")).isTrue();
    assertThat(policy.decide(home(40, false, 80.0), false, T0.plus(Duration.ofHours(5)))).isEmpty();
  }

  @Test
  void anOtherFailureBacksOffForAWhile() {
    ChargingPolicy policy = new ChargingPolicy(80);
    policy.decide(home(40, false, 80.0), false, T0);
    policy.resultArrived(result(CommandStatus.FAILED, "VEHICLE_STATE"), T0);

    assertThat(policy.decide(home(40, false, 80.0), false, T0.plus(Duration.ofMinutes(5))))
        .isEmpty();
    assertThat(policy.decide(home(40, false, 80.0), false, T0.plus(Duration.ofMinutes(11))))
        .isNotEmpty();
  }

  @Test
  void awayFromHomeOrAboveTargetNothingHappens() {
    ChargingPolicy policy = new ChargingPolicy(80);
    VehicleView away =
        new VehicleView(
            "veh-2",
            "u",
            Optional.of(true),
            Optional.of(false),
            Optional.of(20.0),
            Optional.of(false),
            Optional.empty());

    assertThat(policy.decide(away, false, T0)).isEmpty();
    assertThat(policy.decide(home(85, false, 80.0), false, T0)).isEmpty();
  }

  @Test
  void priceSignalPeaksAtTheStartOfEachPeriod() {
    PriceSignal price = new PriceSignal(T0, Duration.ofMinutes(3), Duration.ofSeconds(40));

    assertThat(price.isPeak(T0.plusSeconds(10))).isTrue();
    assertThat(price.isPeak(T0.plusSeconds(50))).isFalse();
    assertThat(price.isPeak(T0.plusSeconds(190))).isTrue();
  }
}
