package io.smartcarpipeline.smartcar.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Compatibility API answer tolerantly (its V3 shape is unknown, docs/smartcar-v3.md §6.5):
 * the first entry of {@code data} (or the root), its {@code attributes} (or itself); {@code
 * signals} and {@code commands} as lists of {@code {code|type|name, supported|capable}} or as
 * objects {@code {code: value}}; a V2-style {@code capabilities} list goes to signals by {@code
 * permission}/{@code endpoint}; values are booleans or the Dashboard matrix's {@code TRUE}, {@code
 * -}, {@code N/A}. Anything unreadable is unknown, never an error. Plain Java.
 */
public final class CompatibilityJson {

  private CompatibilityJson() {}

  /** The report, or empty when the body holds no readable entry. */
  public static Optional<CompatibilityReport> read(String body) {
    JsonObject root = Json.object(body);
    if (root == null) {
      return Optional.empty();
    }
    JsonObject entry = root;
    JsonArray data = Json.arr(root, "data");
    if (data != null) {
      if (data.isEmpty() || !(data.getValue(0) instanceof JsonObject first)) {
        return Optional.empty();
      }
      entry = first;
    } else if (Json.obj(root, "data") != null) {
      entry = Json.obj(root, "data");
    }
    JsonObject attributes =
        Json.obj(entry, "attributes") != null ? Json.obj(entry, "attributes") : entry;
    Map<String, Boolean> signals = new HashMap<>();
    Map<String, Boolean> commands = new HashMap<>();
    collect(attributes.getValue("signals"), signals, SIGNAL_NAMES);
    collect(attributes.getValue("commands"), commands, COMMAND_NAMES);
    collect(attributes.getValue("capabilities"), signals, SIGNAL_NAMES);
    return Optional.of(new CompatibilityReport(Json.text(attributes, "region"), signals, commands));
  }

  /** Where a signal's name is: its code first. */
  private static final String[][] SIGNAL_NAMES = {
    {"code"}, {"name"}, {"type"}, {"permission"}, {"endpoint"}
  };

  /** Where a command's name is: its type (LOCK) first, then its code (security-lock). */
  private static final String[][] COMMAND_NAMES = {{"type"}, {"code"}, {"name"}, {"endpoint"}};

  private static void collect(Object value, Map<String, Boolean> into, String[][] names) {
    if (value instanceof JsonArray list) {
      for (Object element : list) {
        if (element instanceof JsonObject o) {
          String name = Json.firstText(o, names);
          if (name != null) {
            Object v = o.containsKey("supported") ? o.getValue("supported") : o.getValue("capable");
            into.put(name, Json.yesNo(v));
          }
        } else if (element instanceof String s && !s.isBlank()) {
          into.put(s.trim(), Boolean.TRUE); // a bare list names what is supported
        }
      }
    } else if (value instanceof JsonObject map) {
      map.forEach(e -> into.put(e.getKey(), Json.yesNo(e.getValue())));
    }
  }
}
