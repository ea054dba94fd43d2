package io.smartcarpipeline.dispatcher.compatibility;

import io.smartcarpipeline.dispatcher.api.CommandRoutes;
import io.smartcarpipeline.events.CommandType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which {@link CommandType} a command name of a compatibility answer means. Smartcar's own names
 * there are unknown (docs/smartcar-v3.md §4.1), so a name matches a command when, compared without
 * case and punctuation, it is our type name ({@code SET_CHARGE_LIMIT}), the short type the
 * simulator answers ({@code START_CHARGE}), or the command's V3 path ({@code charge/start}, also
 * written {@code charge-start} like a {@code commandType}). Anything else matches nothing. Plain
 * Java.
 */
public final class CommandNames {

  private static final Map<String, CommandType> BY_NAME = index();

  private CommandNames() {}

  /** The command {@code name} means, or empty when it names none of ours. */
  public static Optional<CommandType> match(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(normalise(name)));
  }

  /** The names {@code type} is known by, normalised. */
  static Set<String> names(CommandType type) {
    return Stream.of(type.name(), shortType(type), CommandRoutes.action(type))
        .map(CommandNames::normalise)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Lower case letters and digits only: {@code Charge/Set-Limit} → {@code chargesetlimit}. */
  static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** The verb-first short type (the simulator's; what Smartcar may use). */
  private static String shortType(CommandType type) {
    return switch (type) {
      case START_CHARGING -> "START_CHARGE";
      case STOP_CHARGING -> "STOP_CHARGE";
      case SET_CHARGE_LIMIT -> "SET_CHARGE_LIMIT";
      case LOCK -> "LOCK";
      case UNLOCK -> "UNLOCK";
      case SET_DESTINATION -> "SET_DESTINATION";
    };
  }

  private static Map<String, CommandType> index() {
    Map<String, CommandType> byName = new HashMap<>();
    for (CommandType type : CommandType.values()) {
      for (String n : names(type)) {
        CommandType other = byName.putIfAbsent(n, type);
        if (other != null && other != type) {
          throw new IllegalStateException(n + " names both " + other + " and " + type);
        }
      }
    }
    return Map.copyOf(byName);
  }
}
