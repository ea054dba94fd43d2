package io.smartcarpipeline.gateway.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcarpipeline.events.ChargeLimit;
import io.smartcarpipeline.events.ChargeLimits;
import io.smartcarpipeline.events.GridCell;
import io.smartcarpipeline.events.Location;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one signal {@code body} into a typed {@link SignalValue} (docs/smartcar-v3.md §3). Rule: a
 * scalar {@code value} becomes BOOLEAN / NUMBER / TEXT; a position, charge limits and row/column
 * grids get their typed form; anything else is STRUCTURED; the original body is always kept as JSON
 * text, and the unit goes through {@link UnitTable} (unknown units kept as given and reported to
 * the caller's set).
 */
final class SignalValueMapper {

  private static final String CHARGE_LIMITS_CODE = "charge-chargelimits";

  private SignalValueMapper() {}

  /** The value of a signal body; null when there is no body. */
  static SignalValue map(String code, JsonNode body, Set<String> unknownUnits) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return null;
    }
    SignalValue.Builder value =
        SignalValue.newBuilder().setKind(ValueKind.STRUCTURED).setBodyJson(body.toString());
    if (!body.isObject()) {
      scalar(body, value);
      return value.build();
    }
    String unit = Json.text(body, "unit");
    if (unit != null) {
      value.setSourceUnit(unit);
      value.setUnit(
          UnitTable.canonical(unit)
              .orElseGet(
                  () -> {
                    unknownUnits.add(unit);
                    return unit;
                  }));
    }
    if (body.has("value")) {
      scalar(body.get("value"), value);
    } else if (isLocation(body)) {
      value.setKind(ValueKind.LOCATION).setLocation(location(body));
    } else if (CHARGE_LIMITS_CODE.equals(code) || body.has("activeLimit")) {
      value.setKind(ValueKind.CHARGE_LIMITS).setChargeLimits(chargeLimits(body));
    } else if (isGrid(body)) {
      value
          .setKind(ValueKind.GRID)
          .setGrid(TyrePressures.inLabelledUnit(code, value.getUnit(), grid(body.get("values"))));
    } else if (Json.number(body, "capacity") != null) {
      value.setKind(ValueKind.NUMBER).setNumberValue(Json.number(body, "capacity"));
    }
    return value.build();
  }

  private static void scalar(JsonNode v, SignalValue.Builder value) {
    if (v == null || v.isNull()) {
      value.setKind(ValueKind.NONE);
    } else if (v.isBoolean()) {
      value.setKind(ValueKind.BOOLEAN).setBooleanValue(v.booleanValue());
    } else if (v.isNumber()) {
      value.setKind(ValueKind.NUMBER).setNumberValue(v.doubleValue());
    } else if (v.isTextual()) {
      value.setKind(ValueKind.TEXT).setTextValue(v.asText());
    } else {
      value.setKind(ValueKind.STRUCTURED);
    }
  }

  private static boolean isLocation(JsonNode body) {
    return Json.number(body, "latitude") != null && Json.number(body, "longitude") != null;
  }

  private static Location location(JsonNode body) {
    return new Location(
        Json.number(body, "latitude"),
        Json.number(body, "longitude"),
        Json.number(body, "heading"),
        Json.text(body, "direction"),
        Json.text(body, "locationType"));
  }

  private static ChargeLimits chargeLimits(JsonNode body) {
    List<ChargeLimit> limits = new ArrayList<>();
    JsonNode values = body.path("values");
    if (values.isArray()) {
      for (JsonNode item : values) {
        String type = Json.text(item, "type");
        JsonNode condition = item.get("condition");
        limits.add(
            new ChargeLimit(
                type == null ? null : type.toUpperCase(Locale.ROOT),
                Json.number(item, "limit"),
                condition == null || condition.isNull() ? null : condition.toString()));
      }
    }
    return new ChargeLimits(Json.number(body, "activeLimit"), limits);
  }

  /** Doors, windows, tires: {@code values[]} of cells with row and column. */
  private static boolean isGrid(JsonNode body) {
    JsonNode values = body.path("values");
    if (!values.isArray()) {
      return false;
    }
    if (body.has("rowCount") || body.has("columnCount")) {
      return true;
    }
    if (values.isEmpty()) {
      return false;
    }
    for (JsonNode cell : values) {
      if (Json.integer(cell, "row") == null || Json.integer(cell, "column") == null) {
        return false;
      }
    }
    return true;
  }

  private static List<GridCell> grid(JsonNode values) {
    List<GridCell> cells = new ArrayList<>();
    for (JsonNode cell : values) {
      Integer row = Json.integer(cell, "row");
      Integer column = Json.integer(cell, "column");
      cells.add(
          new GridCell(
              Objects.requireNonNullElse(row, -1),
              Objects.requireNonNullElse(column, -1),
              Json.bool(cell, "isOpen"),
              Json.bool(cell, "isLocked"),
              reading(cell)));
    }
    return cells;
  }

  /** A cell's numeric reading: tirePressure, else the first other numeric field. */
  private static Double reading(JsonNode cell) {
    Double pressure = Json.number(cell, "tirePressure");
    if (pressure != null) {
      return pressure;
    }
    for (Map.Entry<String, JsonNode> field : cell.properties()) {
      if (field.getValue().isNumber()
          && !field.getKey().equals("row")
          && !field.getKey().equals("column")) {
        return field.getValue().doubleValue();
      }
    }
    return null;
  }
}
