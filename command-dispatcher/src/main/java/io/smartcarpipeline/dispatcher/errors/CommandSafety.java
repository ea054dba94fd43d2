package io.smartcarpipeline.dispatcher.errors;

import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.smartcar.errors.CallKind;

/**
 * Which commands may be sent again when a call's outcome is unknown (timeout, 504, dropped
 * connection, a restart after "attempt started"). Unlock and start charging are not: a second
 * unlock of a car nobody is standing at, or a charge started twice on a toggling OEM, is worse than
 * a FAILED result with {@code outcomeUnknown}. Lock, stop, set-limit and set-destination converge
 * to the same state when repeated. {@link #callKind} hands this, and which vehicle states mean a
 * command's goal is already reached, to the shared classifier.
 */
public final class CommandSafety {

  private CommandSafety() {}

  /** Whether repeating the command after an unknown outcome is harmless. */
  public static boolean safeToRepeat(CommandType type) {
    return switch (type) {
      case UNLOCK, START_CHARGING -> false;
      case LOCK, STOP_CHARGING, SET_CHARGE_LIMIT, SET_DESTINATION -> true;
    };
  }

  /** What the classifier needs to know about a command of {@code type}. */
  public static CallKind callKind(CommandType type) {
    String name = type.name();
    return switch (type) {
      case START_CHARGING -> CallKind.command(name, safeToRepeat(type), "CHARGING_IN_PROGRESS");
      case STOP_CHARGING -> CallKind.command(name, safeToRepeat(type), "NOT_CHARGING");
      default -> CallKind.command(name, safeToRepeat(type));
    };
  }
}
