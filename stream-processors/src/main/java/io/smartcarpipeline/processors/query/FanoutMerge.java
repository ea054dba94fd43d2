package io.smartcarpipeline.processors.query;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the local answers of several instances (each hosting some of the vehicles) into the one
 * answer a single instance hosting all of them would give. Every instance is asked the same
 * question with the same limits, so the newest N across instances are among the union of each
 * instance's newest N. Pure: no I/O.
 */
final class FanoutMerge {

  private static final Comparator<JsonObject> NEWEST_SESSION_FIRST =
      Comparator.<JsonObject, Instant>comparing(o -> instant(o, "startedAt"))
          .thenComparing(o -> o.getString("vehicleId", ""))
          .reversed();
  private static final Comparator<JsonObject> NEWEST_COMMAND_FIRST =
      Comparator.<JsonObject, Instant>comparing(o -> instant(o, "completedAt"))
          .thenComparing(o -> o.getString("commandId", ""))
          .reversed();

  private FanoutMerge() {}

  /** {@code GET /vehicles}: the first {@code limit} ids of the union, with the next cursor. */
  static JsonObject vehicleIds(List<JsonObject> parts, int limit) {
    TreeSet<String> ids = new TreeSet<>();
    parts.forEach(
        p -> p.getJsonArray("vehicles", new JsonArray()).forEach(id -> ids.add((String) id)));
    List<String> page = ids.stream().limit(limit).toList();
    return new JsonObject()
        .put("vehicles", new JsonArray(page))
        .put("next", page.size() == limit ? page.get(page.size() - 1) : null);
  }

  /** {@code GET /commands}: the newest {@code limit} results across instances. */
  static JsonObject commands(List<JsonObject> parts, int limit) {
    return new JsonObject().put("commands", newest(parts, "commands", NEWEST_COMMAND_FIRST, limit));
  }

  /** {@code GET /fleet}: vehicles by id, newest sessions and commands, totals added up. */
  static JsonObject fleet(List<JsonObject> parts, int sessionLimit, int commandLimit) {
    List<JsonObject> vehicles = new ArrayList<>();
    parts.forEach(p -> objects(p.getJsonArray("vehicles")).forEach(vehicles::add));
    vehicles.sort(Comparator.comparing(v -> v.getString("vehicleId", "")));
    return new JsonObject()
        .put("generatedAt", parts.get(0).getString("generatedAt"))
        .put("totals", totals(parts))
        .put("vehicles", new JsonArray(new ArrayList<Object>(vehicles)))
        .put("sessions", newest(parts, "sessions", NEWEST_SESSION_FIRST, sessionLimit))
        .put("commands", newest(parts, "commands", NEWEST_COMMAND_FIRST, commandLimit));
  }

  private static JsonObject totals(List<JsonObject> parts) {
    JsonObject out = new JsonObject();
    Map<String, Map<String, Object>> counts = new TreeMap<>();
    double energy = 0.0;
    for (JsonObject part : parts) {
      JsonObject t = part.getJsonObject("totals", new JsonObject());
      for (String key : t.fieldNames()) {
        Object v = t.getValue(key);
        if (key.equals("energyKwh")) {
          energy += ((Number) v).doubleValue();
        } else if (v instanceof Number n) {
          out.put(key, out.getLong(key, 0L) + n.longValue());
        } else if (v instanceof JsonObject byKey) {
          Map<String, Object> merged = counts.computeIfAbsent(key, k -> new TreeMap<>());
          byKey.forEach(e -> merged.merge(e.getKey(), e.getValue(), FanoutMerge::sum));
        } else {
          out.put(key, v);
        }
      }
    }
    counts.forEach((key, merged) -> out.put(key, new JsonObject(merged)));
    return out.put("energyKwh", Math.round(energy * 1000.0) / 1000.0);
  }

  private static Object sum(Object a, Object b) {
    return ((Number) a).longValue() + ((Number) b).longValue();
  }

  private static JsonArray newest(
      List<JsonObject> parts, String field, Comparator<JsonObject> order, int limit) {
    List<JsonObject> all = new ArrayList<>();
    parts.forEach(p -> objects(p.getJsonArray(field)).forEach(all::add));
    all.sort(order);
    return new JsonArray(new ArrayList<Object>(all.subList(0, Math.min(limit, all.size()))));
  }

  private static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        out.add(array.getJsonObject(i));
      }
    }
    return out;
  }

  private static Instant instant(JsonObject o, String field) {
    String s = o.getString(field);
    return s == null ? Instant.EPOCH : Instant.parse(s);
  }
}
