package io.smartcarpipeline.smartcar.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Tolerant reads of Smartcar JSON: a missing field, a field of another type, or a value that does
 * not parse is null, never an exception. The management and compatibility answers are partly
 * unknown (docs/smartcar-v3.md §6), so every reader of them goes through here.
 */
final class Json {

  private Json() {}

  /** The body as an object, or null when it is not a JSON object. */
  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(body);
      return parsed instanceof JsonObject o ? o : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The object at the path, or null. */
  static JsonObject obj(JsonObject o, String... path) {
    Object v = at(o, path);
    return v instanceof JsonObject j ? j : null;
  }

  /** The array at the path, or null. */
  static JsonArray arr(JsonObject o, String... path) {
    Object v = at(o, path);
    return v instanceof JsonArray a ? a : null;
  }

  /** The value at the path as text (numbers and booleans too), or null when absent or blank. */
  static String text(JsonObject o, String... path) {
    Object v = at(o, path);
    if (v instanceof String s) {
      return s.isBlank() ? null : s.trim();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    return null;
  }

  /** The first non-null text of several paths. */
  static String firstText(JsonObject o, String[]... paths) {
    for (String[] path : paths) {
      String v = text(o, path);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** An integer from a number or a numeric string, or null. */
  static Integer integer(JsonObject o, String... path) {
    Object v = at(o, path);
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v instanceof String s) {
      try {
        return Integer.valueOf(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** An instant from an ISO-8601 string (with or without offset) or epoch milliseconds. */
  static Instant instant(JsonObject o, String... path) {
    Object v = at(o, path);
    if (v instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    if (v instanceof String s) {
      try {
        return Instant.parse(s.trim());
      } catch (DateTimeParseException e) {
        try {
          return OffsetDateTime.parse(s.trim()).toInstant();
        } catch (DateTimeParseException e2) {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * A yes/no answer read tolerantly: booleans, {@code true/false/yes/no/supported/TRUE}, and the
   * Dashboard matrix's {@code -} and {@code N/A} (no); anything else is null (unknown).
   */
  static Boolean yesNo(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "y", "supported", "capable", "available" -> Boolean.TRUE;
        case "false", "no", "n", "-", "n/a", "na", "unsupported", "not supported" -> Boolean.FALSE;
        default -> null;
      };
    }
    return null;
  }

  private static Object at(JsonObject o, String... path) {
    Object current = o;
    for (String key : path) {
      if (!(current instanceof JsonObject j)) {
        return null;
      }
      current = j.getValue(key);
    }
    return current;
  }
}
