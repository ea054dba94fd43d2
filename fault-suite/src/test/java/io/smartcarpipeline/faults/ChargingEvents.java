package io.smartcarpipeline.faults;

import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalStatus;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.ValueKind;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One vehicle's charging session as the gateway would write it: plugged in and charging from minute
 * 0, SoC and energy counter rising every {@link #STEP_MINUTES}, unplugged at the end. Rule: the
 * session it describes is known without running the processors: one session, {@link #ENERGY_KWH},
 * ended by unplugging.
 */
final class ChargingEvents {

  static final int STEPS = 19; // minutes 0, 5, ..., 90
  static final long STEP_MINUTES = 5;
  static final double KWH_PER_STEP = 0.5;
  static final double ENERGY_KWH = (STEPS - 1) * KWH_PER_STEP;
  private static final Instant T0 = Instant.parse("2025-11-18T08:00:00Z");

  private ChargingEvents() {}

  /** The session's events in order: {@link #STEPS} charging readings, then the unplug. */
  static List<VehicleEvent> session(String vehicleId) {
    List<VehicleEvent> events = new ArrayList<>();
    for (int i = 0; i < STEPS; i++) {
      Instant at = T0.plus(Duration.ofMinutes(i * STEP_MINUTES));
      events.add(
          event(
              vehicleId,
              at,
              bool("charge-ischargingcableconnected", true, at),
              bool("charge-ischarging", true, at),
              number("tractionbattery-stateofcharge", 20 + i, "percent", at),
              number("charge-energyadded", i * KWH_PER_STEP, "kWh", at)));
    }
    Instant end = T0.plus(Duration.ofMinutes(STEPS * STEP_MINUTES));
    events.add(event(vehicleId, end, bool("charge-ischargingcableconnected", false, end)));
    return events;
  }

  private static VehicleEvent event(String vehicleId, Instant at, Signal... signals) {
    Instant received = at.plusSeconds(5);
    return VehicleEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setEventType(EventType.VEHICLE_STATE)
        .setVehicleId(vehicleId)
        .setUserId("user-" + vehicleId)
        .setVehicle(new VehicleInfo("VOLKSWAGEN", "ID.4", 2024))
        .setSignals(List.of(signals))
        .setErrors(List.of())
        .setDeliveredAt(received)
        .setReceivedAt(received)
        .setSignature(SignatureCheck.NOT_CHECKED)
        .setRawBody("{}")
        .build();
  }

  private static Signal bool(String code, boolean v, Instant at) {
    return signal(
        code,
        SignalValue.newBuilder()
            .setKind(ValueKind.BOOLEAN)
            .setBooleanValue(v)
            .setBodyJson("{\"value\":" + v + "}"),
        at);
  }

  private static Signal number(String code, double v, String unit, Instant at) {
    return signal(
        code,
        SignalValue.newBuilder()
            .setKind(ValueKind.NUMBER)
            .setNumberValue(v)
            .setUnit(unit)
            .setSourceUnit(unit)
            .setBodyJson("{\"value\":" + v + ",\"unit\":\"" + unit + "\"}"),
        at);
  }

  private static Signal signal(String code, SignalValue.Builder value, Instant at) {
    return Signal.newBuilder()
        .setCode(code)
        .setStatus(SignalStatus.SUCCESS)
        .setValue(value.build())
        .setOemUpdatedAt(at)
        .setRetrievedAt(at.plusSeconds(2))
        .build();
  }
}
