package io.smartcarpipeline.processors.testdata;

import io.smartcarpipeline.events.VehicleEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * Readable one-liners for charging scripts: {@code at(10)} is 10 minutes after a fixed start, and
 * each helper builds one VEHICLE_STATE event whose signals were all recorded at that minute and
 * which arrived a few seconds later.
 */
public final class ChargingDay {

  public static final Instant T0 = Instant.parse("2025-11-18T08:00:00Z");

  private final String vehicleId;

  public ChargingDay(String vehicleId) {
    this.vehicleId = vehicleId;
  }

  public static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /** An event recorded at {@code minute}, received 5 s later. */
  public EventBuilder event(long minute) {
    return EventBuilder.state(vehicleId, at(minute).plusSeconds(5));
  }

  public VehicleEvent plugged(long minute, boolean plugged) {
    return event(minute).bool("charge-ischargingcableconnected", plugged, at(minute)).build();
  }

  /** Plug state, charging flag, SoC and energy counter at one minute. */
  public VehicleEvent charge(
      long minute, boolean plugged, boolean charging, double soc, double kwh) {
    return event(minute)
        .bool("charge-ischargingcableconnected", plugged, at(minute))
        .bool("charge-ischarging", charging, at(minute))
        .number("tractionbattery-stateofcharge", soc, "percent", at(minute))
        .number("charge-energyadded", kwh, "kWh", at(minute))
        .build();
  }
}
