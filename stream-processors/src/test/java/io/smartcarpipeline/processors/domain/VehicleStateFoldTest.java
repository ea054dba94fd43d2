package io.smartcarpipeline.processors.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.ErrorState;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.testdata.EventBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VehicleStateFoldTest {

  private static final String V = "vehicle-1";
  private static final Instant T = Instant.parse("2025-11-18T08:00:00Z");
  private static final Instant NOW = T.plusSeconds(3600);

  private static double soc(VehicleState s) {
    return s.getSignals().get(SignalCodes.STATE_OF_CHARGE).getValue().getNumberValue();
  }

  @Test
  void shouldKeepNewerValueWhenOlderReadingArrivesLate() {
    VehicleState s =
        VehicleStateFold.apply(
            null,
            EventBuilder.state(V, T.plusSeconds(100))
                .number(SignalCodes.STATE_OF_CHARGE, 60, "percent", T.plusSeconds(90))
                .build(),
            NOW);

    VehicleState after =
        VehicleStateFold.apply(
            s,
            EventBuilder.state(V, T.plusSeconds(200))
                .number(SignalCodes.STATE_OF_CHARGE, 50, "percent", T.plusSeconds(10))
                .build(),
            NOW);

    assertThat(soc(after)).isEqualTo(60.0);
    assertThat(after.getLastEventAt()).isEqualTo(T.plusSeconds(200));
  }

  @Test
  void shouldKeepLastGoodValueAndRecordErrorWhenSignalFails() {
    VehicleState s =
        VehicleStateFold.apply(
            null,
            EventBuilder.state(V, T)
                .number(SignalCodes.STATE_OF_CHARGE, 60, "percent", T.minusSeconds(5))
                .build(),
            NOW);

    VehicleState after =
        VehicleStateFold.apply(
            s,
            EventBuilder.state(V, T.plusSeconds(60))
                .failed(SignalCodes.STATE_OF_CHARGE, "VEHICLE_STATE", "ASLEEP")
                .build(),
            NOW);

    assertThat(soc(after)).isEqualTo(60.0);
    assertThat(after.getSignals().get(SignalCodes.STATE_OF_CHARGE).getError().getCode())
        .isEqualTo("ASLEEP");
  }

  @Test
  void shouldClearSignalErrorWhenLaterReadSucceeds() {
    VehicleState s =
        VehicleStateFold.apply(
            null,
            EventBuilder.state(V, T)
                .failed(SignalCodes.STATE_OF_CHARGE, "VEHICLE_STATE", "ASLEEP")
                .build(),
            NOW);

    VehicleState after =
        VehicleStateFold.apply(
            s,
            EventBuilder.state(V, T.plusSeconds(60))
                .number(SignalCodes.STATE_OF_CHARGE, 61, "percent", T.plusSeconds(50))
                .build(),
            NOW);

    assertThat(soc(after)).isEqualTo(61.0);
    assertThat(after.getSignals().get(SignalCodes.STATE_OF_CHARGE).getError()).isNull();
  }

  @Test
  void shouldOpenVehicleErrorAndClearItWhenResolved() {
    VehicleState open =
        VehicleStateFold.apply(
            null,
            EventBuilder.error(V, T)
                .vehicleError(
                    "VEHICLE_STATE", "UNREACHABLE", ErrorState.ERROR, "location-preciselocation")
                .build(),
            NOW);
    assertThat(open.getOpenErrors()).extracting(e -> e.getCode()).containsExactly("UNREACHABLE");

    VehicleState resolved =
        VehicleStateFold.apply(
            open,
            EventBuilder.error(V, T.plusSeconds(60))
                .vehicleError("VEHICLE_STATE", "UNREACHABLE", ErrorState.RESOLVED)
                .build(),
            NOW);

    assertThat(resolved.getOpenErrors()).isEmpty();
  }

  @Test
  void shouldKeepImperialValuesWithTheirUnit() {
    VehicleState s =
        VehicleStateFold.apply(
            null,
            EventBuilder.state(V, T).number("odometer-traveleddistance", 1200, "miles", T).build(),
            NOW);

    assertThat(s.getSignals().get("odometer-traveleddistance").getValue().getUnit())
        .isEqualTo("miles");
    assertThat(s.getVehicle().getMake()).isEqualTo("TESLA");
    assertThat(s.getUserId()).isEqualTo(EventBuilder.USER);
  }
}
