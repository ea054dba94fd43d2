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

  /**
   * Whether the command may be repeated after an unknown outcome <em>without first reading the
   * car's state</em> (docs/smartcar-v3.md §9.4: never, except a destination, which no signal shows
   * and which converges when sent twice).
   */
  public static boolean repeatWithoutReading(CommandType type) {
    return type == CommandType.SET_DESTINATION;
  }

  /**
   * What the classifier needs to know about a command of {@code type}. Every command but
   * SET_DESTINATION is marked not repeatable, so an ambiguous answer comes back as {@code
   * outcomeUnknown} and the dispatcher reads the car's state before deciding. {@code FULLY_CHARGED}
   * is "already done" only for START_CHARGING: for the others it proves nothing.
   */
  public static CallKind callKind(CommandType type) {
    String name = type.name();
    boolean repeat = repeatWithoutReading(type);
    return switch (type) {
      case START_CHARGING ->
          CallKind.command(name, repeat, "CHARGING_IN_PROGRESS", "FULLY_CHARGED");
      case STOP_CHARGING -> CallKind.command(name, repeat, "NOT_CHARGING");
      default -> CallKind.command(name, repeat);
    };
  }
}
