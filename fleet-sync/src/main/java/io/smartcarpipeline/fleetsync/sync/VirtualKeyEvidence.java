package io.smartcarpipeline.fleetsync.sync;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleError;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VirtualKeyStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What a command result or a webhook says about a vehicle's virtual key (plain Java): {@code
 * VIRTUAL_KEY_REQUIRED} (a failed command, or a {@code VEHICLE_ERROR}) means REQUIRED; a succeeded
 * command of a Tesla, or of a vehicle marked REQUIRED, means PRESENT (docs/smartcar-v3.md §7).
 */
public final class VirtualKeyEvidence {

  static final String CODE = "VIRTUAL_KEY_REQUIRED";

  private VirtualKeyEvidence() {}

  /** The record with the result's evidence, if it changes what is known. */
  public static Optional<VehicleConnection> apply(VehicleConnection c, CommandResult r) {
    if (r.getStatus() == CommandStatus.FAILED && CODE.equals(upper(r.getErrorCode()))) {
      return set(
          c, VirtualKeyStatus.REQUIRED, "command-result:" + r.getCommandId(), r.getCompletedAt());
    }
    boolean tesla = "TESLA".equals(upper(c.getMake()));
    if (r.getStatus() == CommandStatus.SUCCEEDED
        && (tesla || c.getVirtualKey() == VirtualKeyStatus.REQUIRED)) {
      return set(
          c, VirtualKeyStatus.PRESENT, "command-result:" + r.getCommandId(), r.getCompletedAt());
    }
    return Optional.empty();
  }

  /** The record with the webhook's evidence, if it reports VIRTUAL_KEY_REQUIRED. */
  public static Optional<VehicleConnection> apply(VehicleConnection c, VehicleEvent e) {
    if (e.getErrors() == null) {
      return Optional.empty();
    }
    for (VehicleError error : e.getErrors()) {
      if (CODE.equals(upper(error.getCode()))) {
        return set(
            c, VirtualKeyStatus.REQUIRED, "vehicle-event:" + e.getEventId(), e.getReceivedAt());
      }
    }
    return Optional.empty();
  }

  private static Optional<VehicleConnection> set(
      VehicleConnection c, VirtualKeyStatus status, String evidence, Instant at) {
    if (c.getVirtualKey() == status) {
      return Optional.empty();
    }
    return Optional.of(
        VehicleConnection.newBuilder(c)
            .setVirtualKey(status)
            .setVirtualKeyEvidence(evidence)
            .setVirtualKeyUpdatedAt(at)
            .build());
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }
}
