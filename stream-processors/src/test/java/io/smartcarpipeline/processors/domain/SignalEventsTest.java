package io.smartcarpipeline.processors.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.ErrorState;
import io.smartcarpipeline.events.SignalEvent;
import io.smartcarpipeline.events.SignalSource;
import io.smartcarpipeline.events.SignalStatus;
import io.smartcarpipeline.processors.testdata.EventBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalEventsTest {

  private static final Instant T = Instant.parse("2025-11-18T08:00:00Z");

  @Test
  void shouldWriteOneRecordPerSignalWithSourceTimes() {
    List<SignalEvent> out =
        SignalEvents.from(
            EventBuilder.state("v", T)
                .number(SignalCodes.STATE_OF_CHARGE, 60, "percent", T.minusSeconds(30))
                .failed(SignalCodes.IS_AT_HOME, "COMPATIBILITY", "VEHICLE_NOT_CAPABLE")
                .build());

    assertThat(out).hasSize(2);
    assertThat(out.get(0).getOemUpdatedAt()).isEqualTo(T.minusSeconds(30));
    assertThat(out.get(0).getReceivedAt()).isEqualTo(T);
    assertThat(out.get(1).getStatus()).isEqualTo(SignalStatus.ERROR);
    assertThat(out.get(1).getError().getCode()).isEqualTo("VEHICLE_NOT_CAPABLE");
  }

  @Test
  void shouldTurnVehicleErrorIntoOneErrorRecordPerAffectedSignal() {
    List<SignalEvent> out =
        SignalEvents.from(
            EventBuilder.error("v", T)
                .vehicleError(
                    "VEHICLE_STATE",
                    "UNREACHABLE",
                    ErrorState.ERROR,
                    "location-preciselocation",
                    "tractionbattery-stateofcharge")
                .build());

    assertThat(out)
        .extracting(SignalEvent::getCode)
        .containsExactly("location-preciselocation", "tractionbattery-stateofcharge");
    assertThat(out)
        .allSatisfy(
            e -> {
              assertThat(e.getSource()).isEqualTo(SignalSource.VEHICLE_ERROR);
              assertThat(e.getErrorState()).isEqualTo(ErrorState.ERROR);
              assertThat(e.getError().getType()).isEqualTo("VEHICLE_STATE");
            });
  }
}
