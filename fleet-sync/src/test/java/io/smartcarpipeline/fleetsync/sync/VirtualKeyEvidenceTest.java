package io.smartcarpipeline.fleetsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VirtualKeyStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VirtualKeyEvidenceTest {

  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  private static VehicleConnection vehicle(String make, VirtualKeyStatus key) {
    return VehicleConnection.newBuilder()
        .setVehicleId("v")
        .setMake(make)
        .setStatus(ConnectionStatus.CONNECTED)
        .setLastSyncedAt(T)
        .setVirtualKey(key)
        .build();
  }

  private static CommandResult result(CommandStatus status, String errorCode) {
    return CommandResult.newBuilder()
        .setCommandId("cmd-1")
        .setVehicleId("v")
        .setType(CommandType.UNLOCK)
        .setStatus(status)
        .setAttempts(1)
        .setErrorType(errorCode == null ? null : "CONNECTED_SERVICES_ACCOUNT")
        .setErrorCode(errorCode)
        .setRequestedAt(T)
        .setCompletedAt(T)
        .build();
  }

  @Test
  void aVirtualKeyRequiredResultMarksItRequiredWithTheEvidence() {
    VehicleConnection c =
        VirtualKeyEvidence.apply(
                vehicle("TESLA", VirtualKeyStatus.UNKNOWN),
                result(CommandStatus.FAILED, "VIRTUAL_KEY_REQUIRED"))
            .orElseThrow();

    assertThat(c.getVirtualKey()).isEqualTo(VirtualKeyStatus.REQUIRED);
    assertThat(c.getVirtualKeyEvidence()).isEqualTo("command-result:cmd-1");
    assertThat(c.getVirtualKeyUpdatedAt()).isEqualTo(T);
  }

  @Test
  void aSucceededCommandProvesTheKeyOnlyForATeslaOrAVehicleThatNeededIt() {
    assertThat(
            VirtualKeyEvidence.apply(
                    vehicle("TESLA", VirtualKeyStatus.UNKNOWN),
                    result(CommandStatus.SUCCEEDED, null))
                .orElseThrow()
                .getVirtualKey())
        .isEqualTo(VirtualKeyStatus.PRESENT);
    assertThat(
            VirtualKeyEvidence.apply(
                    vehicle("FORD", VirtualKeyStatus.REQUIRED),
                    result(CommandStatus.SUCCEEDED, null))
                .orElseThrow()
                .getVirtualKey())
        .isEqualTo(VirtualKeyStatus.PRESENT);
    assertThat(
            VirtualKeyEvidence.apply(
                vehicle("FORD", VirtualKeyStatus.UNKNOWN), result(CommandStatus.SUCCEEDED, null)))
        .isEmpty();
    assertThat(
            VirtualKeyEvidence.apply(
                vehicle("TESLA", VirtualKeyStatus.UNKNOWN), result(CommandStatus.FAILED, "ASLEEP")))
        .as("another failure says nothing about the key")
        .isEmpty();
  }
}
