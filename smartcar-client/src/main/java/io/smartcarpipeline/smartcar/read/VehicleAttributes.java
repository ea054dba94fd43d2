package io.smartcarpipeline.smartcar.read;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * What {@code GET /vehicles/{id}} says of a vehicle (docs/smartcar-v3.md §6.4): {@code
 * data.attributes.{make, model, year}}, plus {@code mode} and {@code powertrainType} where given.
 * Read tolerantly: attributes may also sit directly under {@code data}, the year may be text, and
 * anything missing or malformed is null, never an error.
 */
public record VehicleAttributes(
    String id, String make, String model, Integer year, String mode, String powertrainType) {

  /** Reads an answer body; all fields null when it is not JSON. */
  public static VehicleAttributes parse(String body) {
    JsonObject root;
    try {
      root = new JsonObject(body == null ? "" : body);
    } catch (DecodeException | ClassCastException e) {
      return new VehicleAttributes(null, null, null, null, null, null);
    }
    JsonObject data = object(root.getValue("data"));
    JsonObject attributes = object(data.getValue("attributes"));
    if (attributes.isEmpty()) {
      attributes = data;
    }
    return new VehicleAttributes(
        text(data.getValue("id")),
        text(attributes.getValue("make")),
        text(attributes.getValue("model")),
        year(attributes.getValue("year")),
        text(attributes.getValue("mode")),
        text(attributes.getValue("powertrainType")));
  }

  private static JsonObject object(Object value) {
    return value instanceof JsonObject o ? o : new JsonObject();
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private static Integer year(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s) {
      try {
        return Integer.valueOf(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
