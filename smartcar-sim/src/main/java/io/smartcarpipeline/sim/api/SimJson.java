package io.smartcarpipeline.sim.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.sim.vehicle.CommandParams;
import io.smartcarpipeline.sim.vehicle.CommandType;
import io.smartcarpipeline.sim.vehicle.VehicleSnapshot;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * JSON shapes the stand-in reads and writes that are not errors: request bodies as plain maps, the
 * V3 {@code command-execution} answer (docs/smartcar-v3.md §4.2), and the admin view of a vehicle.
 */
public final class SimJson {

  /** Shared mapper: plain maps and records; unknown record fields are rejected. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private SimJson() {}

  /** Decodes a JSON object body into plain maps/lists/numbers; {@code null} for an empty body. */
  public static Map<String, Object> readObject(String body) throws IOException {
    if (body == null || body.isBlank()) {
      return null;
    }
    return MAPPER.readValue(body, MAP);
  }

  /** The 200 body of a command carried out between {@code executedAt} and {@code completedAt}. */
  public static JsonObject commandExecution(
      String executionId,
      CommandType type,
      CommandParams params,
      Instant executedAt,
      Instant completedAt) {
    JsonObject attributes =
        new JsonObject()
            .put("commandType", type.wireName())
            .put("status", new JsonObject().put("value", "SUCCESS"))
            .put("executionMode", "sync")
            .put("parameters", new JsonObject(params.asMap()));
    JsonObject meta =
        new JsonObject()
            .put("executedAt", executedAt.toString())
            .put("completedAt", completedAt.toString())
            .put("durationInSeconds", Duration.between(executedAt, completedAt).toSeconds());
    return new JsonObject()
        .put(
            "data",
            new JsonObject()
                .put("id", executionId)
                .put("type", "command-execution")
                .put("attributes", attributes)
                .put("meta", meta));
  }

  /** The {@code /_sim/vehicles} view of a vehicle. */
  public static JsonObject vehicle(VehicleSnapshot v) {
    JsonObject destination =
        v.destinationLatitude() == null
            ? null
            : new JsonObject()
                .put("latitude", v.destinationLatitude())
                .put("longitude", v.destinationLongitude());
    return new JsonObject()
        .put("id", v.id())
        .put("userId", v.userId())
        .put("make", v.make())
        .put("model", v.model())
        .put("year", v.year())
        .put("isTesla", v.tesla())
        .put("hasVirtualKey", v.hasVirtualKey())
        .put("asleep", v.asleep())
        .put("pluggedIn", v.pluggedIn())
        .put("charging", v.charging())
        .put("soc", v.soc())
        .put("chargeLimit", v.chargeLimit())
        .put("locked", v.locked())
        .put("latitude", v.latitude())
        .put("longitude", v.longitude())
        .put("destination", destination)
        .put("updatedAt", v.updatedAt().toString());
  }
}
