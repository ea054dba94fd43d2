package io.smartcarpipeline.sim.manage;

import io.smartcarpipeline.sim.fleet.CarModel;
import io.smartcarpipeline.sim.fleet.FleetProfiles;
import io.smartcarpipeline.sim.fleet.SimSignal;
import io.smartcarpipeline.sim.vehicle.CommandType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the simulator's compatibility API answers per make: which of the fleet's signals and which
 * of the six commands a make supports. Its signal gaps are those of the fleet's car models ({@link
 * FleetProfiles#carModels()}: the Jaguar has no energy signals, the VW no {@code
 * location-isathome}, …), and {@code navigation-set-destination} is not supported by Jaguar,
 * Volkswagen and BYD, so a client has a command to refuse. Unknown makes have no entry. Plain Java.
 */
public final class CompatibilityCatalog {

  /** One make's support: signal code → supported, command → supported (in a fixed order). */
  public record Support(Map<String, Boolean> signals, Map<CommandType, Boolean> commands) {}

  /** By make: the signals the fleet's cars of that make cannot report (one make, one set). */
  private static final Map<String, Set<SimSignal>> UNSUPPORTED_SIGNALS =
      FleetProfiles.carModels().stream()
          .collect(
              Collectors.toMap(
                  CarModel::make, CarModel::unsupported, CompatibilityCatalog::sameForOneMake));

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

  private static Set<SimSignal> sameForOneMake(Set<SimSignal> first, Set<SimSignal> other) {
    if (!first.equals(other)) {
      throw new IllegalStateException(
          "two car models of one make report different signals: " + first + " and " + other);
    }
    return first;
  }
}
