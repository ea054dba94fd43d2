package io.smartcarpipeline.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a vehicle's state as the query API serves it ({@code /vehicles/{id}/state}) with what
 * the sim sent (the fleet ledger). Rules, per signal the sim sent a value for: the kept original
 * body ({@code bodyJson}) equals the sent body field by field; the typed value equals {@code
 * body.value} (booleans and texts exactly, numbers within {@link #TOLERANCE}); the unit is kept
 * exactly as sent ({@code sourceUnit}: a Ford's {@code miles} stay miles). The state holds a value
 * for exactly the signals the sim sent one for, and lists every vehicle error the sim raised and
 * never resolved. Each difference is one line of the answer.
 */
final class StateMatch {

  /** Numbers are equal when within this, relative to their size (at least 1). */
  static final double TOLERANCE = 1e-9;

  private StateMatch() {}

  /**
   * Differences between the served {@code state} and the sim's latest accepted {@code values} (code
   * to body) and its never-resolved errors ({@code TYPE:CODE}); empty if none.
   */
  static List<String> vehicle(
      String vehicleId, Map<String, Object> values, Set<String> openErrors, JsonObject state) {
    List<String> out = new ArrayList<>();
    JsonObject signals = state.getJsonObject("signals");
    values.forEach(
        (code, body) ->
            differences(code, body, signals.getJsonObject(code))
                .forEach(d -> out.add(vehicleId + " " + d)));
    Set<String> valued = new TreeSet<>();
    for (String code : signals.fieldNames()) {
      if (signals.getJsonObject(code).getValue("value") != null) {
        valued.add(code);
      }
    }
    if (!valued.equals(new TreeSet<>(values.keySet()))) {
      out.add(vehicleId + ": signals with a value " + valued + " != sent " + values.keySet());
    }
    Set<String> served = new TreeSet<>();
    state
        .getJsonArray("openErrors")
        .forEach(
            o ->
                served.add(
                    ((JsonObject) o).getString("type") + ":" + ((JsonObject) o).getString("code")));
    if (!served.containsAll(openErrors)) {
      out.add(vehicleId + ": open errors " + served + " lack " + openErrors);
    }
    return out;
  }

  /** Differences between the sent {@code body} and the served {@code snapshot}; empty if none. */
  static List<String> differences(String code, Object body, JsonObject snapshot) {
    List<String> out = new ArrayList<>();
    if (snapshot == null || snapshot.getJsonObject("value") == null) {
      out.add(code + ": state has no value, sim sent " + body);
      return out;
    }
    JsonObject value = snapshot.getJsonObject("value");
    Map<?, ?> sent = (Map<?, ?>) plain(body);
    String bodyJson = value.getString("bodyJson");
    if (bodyJson == null) {
      out.add(code + ": no bodyJson");
    } else {
      compare(code + ".body", sent, plain(new JsonObject(bodyJson)), out);
    }
    Object scalar = sent.get("value");
    if (scalar instanceof Boolean b && !b.equals(value.getBoolean("booleanValue"))) {
      out.add(code + ": booleanValue " + value.getValue("booleanValue") + " != sent " + b);
    } else if (scalar instanceof Number n
        && !numbersEqual(n, (Number) value.getValue("numberValue"))) {
      out.add(code + ": numberValue " + value.getValue("numberValue") + " != sent " + n);
    } else if (scalar instanceof String s && !s.equals(value.getString("textValue"))) {
      out.add(code + ": textValue " + value.getValue("textValue") + " != sent " + s);
    }
    Object unit = sent.get("unit");
    if (unit != null && !unit.equals(value.getString("sourceUnit"))) {
      out.add(code + ": sourceUnit " + value.getValue("sourceUnit") + " != sent " + unit);
    }
    return out;
  }

  private static void compare(String path, Object expected, Object actual, List<String> out) {
    if (expected instanceof Number e && actual instanceof Number a) {
      if (!numbersEqual(e, a)) {
        out.add(path + ": " + a + " != sent " + e);
      }
    } else if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      if (!e.keySet().equals(a.keySet())) {
        out.add(path + ": fields " + a.keySet() + " != sent " + e.keySet());
      }
      e.forEach((k, v) -> compare(path + "." + k, v, a.get(k), out));
    } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        out.add(path + ": " + a.size() + " items != sent " + e.size());
      } else {
        for (int i = 0; i < e.size(); i++) {
          compare(path + "[" + i + "]", e.get(i), a.get(i), out);
        }
      }
    } else if (!Objects.equals(expected, actual)) {
      out.add(path + ": " + actual + " != sent " + expected);
    }
  }

  private static boolean numbersEqual(Number expected, Number actual) {
    if (actual == null) {
      return false;
    }
    double e = expected.doubleValue();
    return Math.abs(e - actual.doubleValue()) <= TOLERANCE * Math.max(1, Math.abs(e));
  }

  /** Vert.x JSON types and maps/lists nested in any mix, as plain maps and lists. */
  private static Object plain(Object v) {
    if (v instanceof JsonObject o) {
      return plain(o.getMap());
    }
    if (v instanceof JsonArray a) {
      return plain(a.getList());
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(StateMatch::plain).toList();
    }
    return v;
  }
}
