package io.smartcarpipeline.dispatcher.errors;

import io.smartcarpipeline.events.CommandType;

/**
 * Which commands may be sent again when a call's outcome is unknown (timeout, 504, dropped
 * connection, a restart after "attempt started"). Unlock and start charging are not: a second
 * unlock of a car nobody is standing at, or a charge started twice on a toggling OEM, is worse than
 * a FAILED result with {@code outcomeUnknown}. Lock, stop, set-limit and set-destination converge
 * to the same state when repeated.
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
}
