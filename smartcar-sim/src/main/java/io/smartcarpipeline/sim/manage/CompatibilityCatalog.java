package io.smartcarpipeline.sim.manage;

import io.smartcarpipeline.sim.fleet.SimSignal;
import io.smartcarpipeline.sim.vehicle.CommandType;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the simulator's compatibility API answers per make: which of the fleet's signals and which
 * of the six commands a make supports. It mirrors the fleet's profiles (the Jaguar has no energy
 * signals, the VW no {@code location-isathome}, …), and {@code navigation-set-destination} is not
 * supported by Jaguar, Volkswagen and BYD, so a client has a command to refuse. Unknown makes have
 * no entry. Plain Java.
 */
public final class CompatibilityCatalog {

  /** One make's support: signal code → supported, command → supported (in a fixed order). */
  public record Support(Map<String, Boolean> signals, Map<CommandType, Boolean> commands) {}

  private static final Map<String, Set<SimSignal>> UNSUPPORTED_SIGNALS =
      Map.of(
          "TESLA", Set.of(),
          "JAGUAR",
              EnumSet.of(
                  SimSignal.ENERGY_ADDED,
                  SimSignal.WATTAGE,
                  SimSignal.VOLTAGE,
                  SimSignal.AMPERAGE,
                  SimSignal.TIME_TO_COMPLETE,
                  SimSignal.IS_ASLEEP,
                  SimSignal.IS_ONLINE),
          "FORD", Set.of(),
          "VOLKSWAGEN", EnumSet.of(SimSignal.IS_AT_HOME, SimSignal.FAST_CHARGER_TYPE),
          "BYD", EnumSet.of(SimSignal.VOLTAGE),
          "HYUNDAI", Set.of(),
          "POLESTAR", EnumSet.of(SimSignal.IS_AT_HOME));

  private static final Set<String> NO_DESTINATION = Set.of("JAGUAR", "VOLKSWAGEN", "BYD");

  /** The short command type the compatibility answer uses, e.g. {@code LOCK}. */
  public static String typeOf(CommandType command) {
    return switch (command) {
      case CHARGE_START -> "START_CHARGE";
      case CHARGE_STOP -> "STOP_CHARGE";
      case CHARGE_SET_LIMIT -> "SET_CHARGE_LIMIT";
      case SECURITY_LOCK -> "LOCK";
      case SECURITY_UNLOCK -> "UNLOCK";
      case NAVIGATION_SET_DESTINATION -> "SET_DESTINATION";
    };
  }

  /** This make's support (any case), or empty for a make the simulator does not know. */
  public Optional<Support> support(String make) {
    String key = make == null ? "" : make.trim().toUpperCase(Locale.ROOT);
    Set<SimSignal> unsupported = UNSUPPORTED_SIGNALS.get(key);
    if (unsupported == null) {
      return Optional.empty();
    }
    Map<String, Boolean> signals = new LinkedHashMap<>();
    for (SimSignal s : SimSignal.values()) {
      signals.put(s.code(), !unsupported.contains(s));
    }
    Map<CommandType, Boolean> commands = new LinkedHashMap<>();
    for (CommandType c : CommandType.values()) {
      commands.put(c, c != CommandType.NAVIGATION_SET_DESTINATION || !NO_DESTINATION.contains(key));
    }
    return Optional.of(new Support(signals, commands));
  }
}
