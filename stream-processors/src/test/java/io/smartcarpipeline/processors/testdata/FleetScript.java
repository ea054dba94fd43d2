package io.smartcarpipeline.processors.testdata;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.ErrorState;
import io.smartcarpipeline.events.VehicleEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small mixed fleet over the three hours before {@code start + 3 h}, for the fleet page tests: a
 * Tesla that charged at home and unplugged (one completed session), a Ford fast-charging now (an
 * active session), a Volkswagen with an open vehicle error, and a Hyundai driving; plus three
 * command results (two succeeded, one failed).
 */
public final class FleetScript {

  public static final String TESLA = "veh-tesla-model3";
  public static final String FORD = "veh-ford-mache";
  public static final String VW = "veh-vw-id4";
  public static final String HYUNDAI = "veh-hyundai-ioniq5";

  private final Instant start;

  public FleetScript(Instant start) {
    this.start = start;
  }

  public Instant at(long minute) {
    return start.plus(Duration.ofMinutes(minute));
  }

  /** Every vehicle event of the script, in order of arrival. */
  public List<VehicleEvent> events() {
    List<VehicleEvent> out = new ArrayList<>();
    out.add(
        tesla(0)
            .bool("charge-ischargingcableconnected", true, at(0))
            .bool("charge-ischarging", false, at(0))
            .bool("closure-islocked", true, at(0))
            .bool("location-isathome", true, at(0))
            .location(37.7793, -122.4193, at(0))
            .number("tractionbattery-nominalcapacity", 60, "kWh", at(0))
            .number("tractionbattery-range", 95, "km", at(0))
            .chargeLimit(80, at(0))
            .number("tractionbattery-stateofcharge", 22, "percent", at(0))
            .build());
    double[][] charge = {{5, 24, 0.0}, {30, 38, 8.5}, {60, 55, 19.0}, {90, 72, 29.5}};
    for (double[] c : charge) {
      long m = (long) c[0];
      out.add(
          tesla(m)
              .bool("charge-ischarging", true, at(m))
              .number("tractionbattery-stateofcharge", c[1], "percent", at(m))
              .number("charge-energyadded", c[2], "kWh", at(m))
              .number("charge-wattage", 22000, "W", at(m))
              .build());
    }
    out.add(
        tesla(100)
            .bool("charge-ischarging", false, at(100))
            .number("tractionbattery-stateofcharge", 78, "percent", at(100))
            .number("charge-energyadded", 33.0, "kWh", at(100))
            .number("tractionbattery-range", 342, "km", at(100))
            .build());
    out.add(tesla(105).bool("charge-ischargingcableconnected", false, at(105)).build());
    out.addAll(ford());
    out.add(
        vw(40)
            .number("tractionbattery-stateofcharge", 64, "percent", at(40))
            .number("tractionbattery-range", 251, "km", at(40))
            .bool("charge-ischargingcableconnected", false, at(40))
            .bool("closure-islocked", false, at(40))
            .location(52.4227, 10.7865, at(40))
            .build());
    out.add(
        EventBuilder.error(VW, at(150))
            .vehicle("VOLKSWAGEN", "ID.4", 2023)
            .vehicleError(
                "CHARGING", "CHARGING_SYSTEM_FAULT", ErrorState.ERROR, "charge-ischarging")
            .build());
    for (int m = 0; m <= 180; m += 30) {
      out.add(
          hyundai(m)
              .number("tractionbattery-stateofcharge", 91 - m / 9.0, "percent", at(m))
              .number("tractionbattery-range", 410 - m * 0.9, "km", at(m))
              .bool("charge-ischargingcableconnected", false, at(m))
              .bool("closure-islocked", false, at(m))
              .location(48.137 + m / 3000.0, 11.575 + m / 2000.0, at(m))
              .build());
    }
    return out;
  }

  /** The Tesla after a drive: SoC {@code soc} at minute {@code minute}. */
  public VehicleEvent teslaDrove(long minute, double soc) {
    return tesla(minute)
        .number("tractionbattery-stateofcharge", soc, "percent", at(minute))
        .bool("closure-islocked", false, at(minute))
        .build();
  }

  /** The dispatcher's results for the script. */
  public List<CommandResult> commandResults() {
    return List.of(
        result("cmd-1", TESLA, CommandType.START_CHARGING, CommandStatus.SUCCEEDED, 4, null),
        result("cmd-2", FORD, CommandType.SET_CHARGE_LIMIT, CommandStatus.SUCCEEDED, 118, null),
        result("cmd-3", VW, CommandType.START_CHARGING, CommandStatus.FAILED, 152, "CHARGE_FAULT"));
  }

  private List<VehicleEvent> ford() {
    List<VehicleEvent> out = new ArrayList<>();
    out.add(
        ford(120)
            .bool("charge-ischargingcableconnected", true, at(120))
            .bool("charge-isfastchargerpresent", true, at(120))
            .bool("location-isathome", false, at(120))
            .location(40.7411, -73.9897, at(120))
            .bool("closure-islocked", true, at(120))
            .number("tractionbattery-nominalcapacity", 88, "kWh", at(120))
            .number("tractionbattery-stateofcharge", 31, "percent", at(120))
            .chargeLimit(90, at(120))
            .build());
    for (int m = 125; m <= 175; m += 10) {
      out.add(
          ford(m)
              .bool("charge-ischarging", true, at(m))
              .number("tractionbattery-stateofcharge", 31 + (m - 120) * 0.45, "percent", at(m))
              .number("tractionbattery-range", 150 + (m - 120) * 2.0, "km", at(m))
              .number("charge-energyadded", (m - 125) * 0.6, "kWh", at(m))
              .number("charge-wattage", 48000 - (m - 125) * 200, "W", at(m))
              .build());
    }
    return out;
  }

  private EventBuilder tesla(long m) {
    return EventBuilder.state(TESLA, at(m).plusSeconds(3)).vehicle("TESLA", "Model 3", 2021);
  }

  private EventBuilder ford(long m) {
    return EventBuilder.state(FORD, at(m).plusSeconds(3)).vehicle("FORD", "Mustang Mach-E", 2022);
  }

  private EventBuilder vw(long m) {
    return EventBuilder.state(VW, at(m).plusSeconds(3)).vehicle("VOLKSWAGEN", "ID.4", 2023);
  }

  private EventBuilder hyundai(long m) {
    return EventBuilder.state(HYUNDAI, at(m).plusSeconds(3)).vehicle("HYUNDAI", "IONIQ 5", 2024);
  }

  private CommandResult result(
      String id, String vehicle, CommandType type, CommandStatus status, long minute, String code) {
    return CommandResult.newBuilder()
        .setCommandId(id)
        .setVehicleId(vehicle)
        .setType(type)
        .setStatus(status)
        .setAttempts(status == CommandStatus.SUCCEEDED ? 1 : 3)
        .setErrorCode(code)
        .setRequestedAt(at(minute))
        .setCompletedAt(at(minute).plusSeconds(4))
        .build();
  }
}
