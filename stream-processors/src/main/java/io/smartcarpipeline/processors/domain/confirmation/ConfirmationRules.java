package io.smartcarpipeline.processors.domain.confirmation;

import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.ValueKind;
import io.smartcarpipeline.processors.domain.SignalCodes;
import java.util.Optional;
import java.util.Set;

/**
 * Which signal shows each command's effect (docs/smartcar-v3.md §4.2: commands return no vehicle
 * state; confirm by reading the matching signal). LOCK / UNLOCK: {@code closure-islocked}. START /
 * STOP_CHARGING: {@code charge-ischarging} and {@code charge-detailedchargingstatus} ({@code
 * FULLY_CHARGED} counts as not charging). SET_CHARGE_LIMIT: the active limit of {@code
 * charge-chargelimits} equal to the requested percent (a null active limit, which some makes send
 * while unplugged, says nothing). SET_DESTINATION shows in no signal, so it gets no confirmation.
 * The switch has no default: a new command type does not compile until it is decided here.
 */
public final class ConfirmationRules {

  private static final double LIMIT_TOLERANCE = 0.5;

  private ConfirmationRules() {}

  /** Whether a result gets a confirmation: SUCCEEDED and a type whose effect shows in a signal. */
  public static boolean expectsConfirmation(CommandStatus status, CommandType type) {
    return status == CommandStatus.SUCCEEDED && observable(type);
  }

  /** Whether the type's effect shows in a signal. */
  public static boolean observable(CommandType type) {
    return switch (type) {
      case LOCK, UNLOCK, START_CHARGING, STOP_CHARGING, SET_CHARGE_LIMIT -> true;
      case SET_DESTINATION -> false;
    };
  }

  /**
   * What would confirm a command of this type; empty when its effect shows in no signal, or for a
   * SET_CHARGE_LIMIT whose requested percent is unknown.
   */
  public static Optional<Expectation> expectation(CommandType type, Integer percent) {
    return switch (type) {
      case LOCK -> Optional.of(locked(true));
      case UNLOCK -> Optional.of(locked(false));
      case START_CHARGING -> Optional.of(charging(true));
      case STOP_CHARGING -> Optional.of(charging(false));
      case SET_CHARGE_LIMIT -> percent == null ? Optional.empty() : Optional.of(limit(percent));
      case SET_DESTINATION -> Optional.empty();
    };
  }

  /** A value as evidence text: the boolean, text or number; for charge limits the active limit. */
  public static String render(SignalValue v) {
    if (v.getKind() == ValueKind.CHARGE_LIMITS && v.getChargeLimits() != null) {
      return String.valueOf(v.getChargeLimits().getActiveLimit());
    }
    if (v.getBooleanValue() != null) {
      return v.getBooleanValue().toString();
    }
    if (v.getTextValue() != null) {
      return v.getTextValue();
    }
    if (v.getNumberValue() != null) {
      return v.getNumberValue().toString();
    }
    return v.getBodyJson() == null ? "null" : v.getBodyJson();
  }

  private static Expectation locked(boolean wanted) {
    return new Expectation(
        SignalCodes.IS_LOCKED + " = " + wanted,
        Set.of(SignalCodes.IS_LOCKED),
        (code, v) -> bool(v, wanted));
  }

  private static Expectation charging(boolean wanted) {
    return new Expectation(
        SignalCodes.IS_CHARGING
            + " = "
            + wanted
            + " or "
            + SignalCodes.DETAILED_CHARGING_STATUS
            + (wanted ? " = CHARGING" : " = NOT_CHARGING / FULLY_CHARGED"),
        Set.of(SignalCodes.IS_CHARGING, SignalCodes.DETAILED_CHARGING_STATUS),
        (code, v) ->
            code.equals(SignalCodes.IS_CHARGING) ? bool(v, wanted) : detailedStatus(v, wanted));
  }

  private static Expectation limit(int percent) {
    return new Expectation(
        SignalCodes.CHARGE_LIMITS + " activeLimit = " + percent,
        Set.of(SignalCodes.CHARGE_LIMITS),
        (code, v) -> {
          Double active = v.getChargeLimits() == null ? null : v.getChargeLimits().getActiveLimit();
          if (active == null) {
            return Verdict.SILENT;
          }
          return Math.abs(active - percent) < LIMIT_TOLERANCE
              ? Verdict.CONFIRMS
              : Verdict.CONTRADICTS;
        });
  }

  private static Verdict bool(SignalValue v, boolean wanted) {
    Boolean b = v.getBooleanValue();
    if (b == null) {
      return Verdict.SILENT;
    }
    return b == wanted ? Verdict.CONFIRMS : Verdict.CONTRADICTS;
  }

  private static Verdict detailedStatus(SignalValue v, boolean wantCharging) {
    String status = v.getTextValue();
    if (status == null) {
      return Verdict.SILENT;
    }
    boolean charging;
    switch (status.toUpperCase(java.util.Locale.ROOT)) {
      case "CHARGING" -> charging = true;
      case "NOT_CHARGING", "FULLY_CHARGED" -> charging = false;
      default -> {
        return Verdict.SILENT;
      }
    }
    return charging == wantCharging ? Verdict.CONFIRMS : Verdict.CONTRADICTS;
  }
}
