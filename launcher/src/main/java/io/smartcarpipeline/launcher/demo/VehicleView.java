package io.smartcarpipeline.launcher.demo;

import io.smartcarpipeline.events.SignalSnapshot;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.VehicleState;
import java.util.Optional;

/**
 * The few facts a charging orchestrator reads off a {@link VehicleState}: plug, home, SoC, charging
 * and the active limit. Absent signals are empty, never guessed.
 */
public record VehicleView(
    String vehicleId,
    String userId,
    Optional<Boolean> pluggedIn,
    Optional<Boolean> atHome,
    Optional<Double> soc,
    Optional<Boolean> charging,
    Optional<Double> chargeLimit) {

  static final String PLUGGED = "charge-ischargingcableconnected";
  static final String AT_HOME = "location-isathome";
  static final String SOC = "tractionbattery-stateofcharge";
  static final String CHARGING = "charge-ischarging";
  static final String LIMITS = "charge-chargelimits";

  public static VehicleView of(VehicleState state) {
    return new VehicleView(
        state.getVehicleId(),
        state.getUserId(),
        value(state, PLUGGED).map(SignalValue::getBooleanValue),
        value(state, AT_HOME).map(SignalValue::getBooleanValue),
        value(state, SOC).map(SignalValue::getNumberValue),
        value(state, CHARGING).map(SignalValue::getBooleanValue),
        value(state, LIMITS).map(SignalValue::getChargeLimits).map(l -> l.getActiveLimit()));
  }

  private static Optional<SignalValue> value(VehicleState state, String code) {
    SignalSnapshot snapshot = state.getSignals().get(code);
    return Optional.ofNullable(snapshot).map(SignalSnapshot::getValue);
  }
}
