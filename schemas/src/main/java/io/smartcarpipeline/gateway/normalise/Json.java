package io.smartcarpipeline.gateway.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Tolerant field access on Jackson trees: a missing, null or oddly typed field reads as absent
 * instead of failing. Rule: the normaliser never throws on a field's shape.
 */
final class Json {

  private Json() {}

  /** The field as text: strings as they are, numbers and booleans as written; else null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    return v.asText();
  }

  /** The first of {@code fields} that is present as text. */
  static String firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      String v = text(node, f);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /** A number, or numeric text; else null. */
  static Double number(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A whole number, or whole numeric text; else null. */
  static Integer integer(JsonNode node, String field) {
    Double d = number(node, field);
    return d == null || d != Math.rint(d) ? null : d.intValue();
  }

  /** A boolean, or the text true/false; else null. */
  static Boolean bool(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    String s = v.asText();
    return "true".equalsIgnoreCase(s) ? Boolean.TRUE : "false".equalsIgnoreCase(s) ? false : null;
  }

  /** An object child, or a missing node. */
  static JsonNode object(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isObject() ? v : MissingNode.getInstance();
  }

  /** The earliest time read as a time: the first instant of year 1. */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest time read as a time: the last millisecond of year 9999. */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  /**
   * A time given as epoch milliseconds (number or numeric text) or ISO-8601 text, as Smartcar sends
   * both (docs/smartcar-v3.md §2.1); else empty. A time outside years 1 to 9999 reads as absent
   * too: no car measured it, Avro's timestamp-millis cannot hold the far ones, and the raw body
   * keeps what was sent.
   */
  static Optional<Instant> instant(JsonNode node, String field) {
    return parseInstant(node, field).filter(t -> !t.isBefore(EARLIEST) && !t.isAfter(LATEST));
  }

  private static Optional<Instant> parseInstant(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isIntegralNumber() || v.isFloatingPointNumber()) {
      return Optional.of(Instant.ofEpochMilli(v.longValue()));
    }
    if (!v.isTextual()) {
      return Optional.empty();
    }
    String s = v.asText().trim();
    try {
      return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
    } catch (NumberFormatException notEpoch) {
      try {
        return Optional.of(OffsetDateTime.parse(s).toInstant());
      } catch (DateTimeParseException notIso) {
        return Optional.empty();
      }
    }
  }

  /** The first of {@code fields} that holds a time. */
  static Optional<Instant> firstInstant(JsonNode node, String... fields) {
    for (String f : fields) {
      Optional<Instant> t = instant(node, f);
      if (t.isPresent()) {
        return t;
      }
    }
    return Optional.empty();
  }
}
