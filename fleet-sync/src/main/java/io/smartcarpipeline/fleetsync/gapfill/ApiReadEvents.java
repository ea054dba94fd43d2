package io.smartcarpipeline.fleetsync.gapfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcarpipeline.events.EventSource;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.normalise.VehicleEventMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the answer of {@code GET /vehicles/{id}/signals} (docs/smartcar-v3.md §6.4) into a {@link
 * VehicleEvent} that the processors treat like a webhook's. Rule: there is one normaliser; this
 * class only reshapes the JSON:API resources ({@code data[].attributes} + {@code data[].meta}) into
 * the webhook's {@code data.signals[]} shape and hands it to the gateway's {@link
 * VehicleEventMapper}, so units, values and errors are read exactly as for a delivery. The event is
 * marked {@link EventSource#API_READ} and its id is a name-based UUID of the vehicle and each
 * signal's code, {@code oemUpdatedAt} and body: reading an unchanged vehicle twice gives the same
 * id (a duplicate for the processors' dedup), and any new value gives a new one. Plain Java.
 */
public final class ApiReadEvents {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ApiReadEvents() {}

  /**
   * The event for one signals read.
   *
   * @param vehicleId the vehicle read
   * @param userId its user (the {@code sc-user-id} of the read), may be null
   * @param profile make, model and year from the connection, used when the answer has none
   * @param mode the connection's mode (live, simulated), may be null
   * @param body the answer's body; its {@code data} arrays of all pages, concatenated
   * @param readAt when the read was answered
   * @throws IllegalArgumentException when the body is not JSON
   */
  public static VehicleEvent map(
      String vehicleId,
      String userId,
      VehicleProfile profile,
      String mode,
      String body,
      Instant readAt) {
    JsonNode answer = parse(body);
    List<JsonNode> signals = signals(answer.path("data"));
    ObjectNode root = NODES.objectNode();
    root.put("eventId", eventId(vehicleId, signals).toString());
    root.put("eventType", "VEHICLE_STATE");
    ObjectNode data = root.putObject("data");
    ObjectNode vehicle = vehicleInfo(answer, profile);
    vehicle.put("id", vehicleId);
    data.set("vehicle", vehicle);
    data.putObject("user").put("id", userId);
    ArrayNode array = data.putArray("signals");
    signals.forEach(array::add);
    root.putObject("meta").put("mode", mode);
    VehicleEvent event =
        VehicleEventMapper.map(
            root, EventType.VEHICLE_STATE, body, SignatureCheck.NOT_CHECKED, readAt);
    return VehicleEvent.newBuilder(event).setSource(EventSource.API_READ).build();
  }

  /** The deterministic id: vehicle, then every signal's code, oemUpdatedAt and body, in order. */
  static UUID eventId(String vehicleId, List<JsonNode> signals) {
    StringBuilder name = new StringBuilder("smartcar-api-read\n").append(vehicleId);
    signals.stream()
        .map(
            s ->
                s.path("code").asText("")
                    + "@"
                    + s.path("meta").path("oemUpdatedAt").asText("")
                    + "="
                    + s.path("body").toString())
        .sorted()
        .forEach(line -> name.append('\n').append(line));
    return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Each resource as a webhook signal: attributes lifted up, the resource's meta kept. */
  static List<JsonNode> signals(JsonNode data) {
    List<JsonNode> out = new ArrayList<>();
    if (!data.isArray()) {
      return out;
    }
    for (JsonNode resource : data) {
      if (!resource.isObject()) {
        continue;
      }
      ObjectNode signal = NODES.objectNode();
      JsonNode attributes = resource.path("attributes");
      copyFields(attributes.isObject() ? attributes : resource, signal);
      if (!signal.hasNonNull("code") && resource.hasNonNull("id")) {
        signal.set("code", resource.get("id")); // a signal resource's id is its code
      }
      JsonNode meta = resource.has("meta") ? resource.get("meta") : attributes.path("meta");
      if (meta.isObject()) {
        signal.set("meta", meta);
      }
      signal.remove(List.of("links", "type", "id"));
      out.add(signal);
    }
    return out;
  }

  private static void copyFields(JsonNode from, ObjectNode to) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      to.set(field.getKey(), field.getValue());
    }
  }

  /** make, model, year: {@code included.vehicle} (§6.4), else the connection's. */
  private static ObjectNode vehicleInfo(JsonNode answer, VehicleProfile profile) {
    JsonNode included = answer.path("included");
    JsonNode vehicle = included.path("vehicle");
    if (included.isArray()) {
      for (JsonNode item : included) {
        if ("vehicle".equals(item.path("type").asText())) {
          vehicle = item;
        }
      }
    }
    if (vehicle.path("attributes").isObject()) {
      vehicle = vehicle.get("attributes");
    }
    ObjectNode out = NODES.objectNode();
    out.put("make", text(vehicle, "make", profile.make()));
    out.put("model", text(vehicle, "model", profile.model()));
    if (vehicle.path("year").canConvertToInt()) {
      out.put("year", vehicle.get("year").asInt());
    } else if (profile.year() != null) {
      out.put("year", profile.year());
    }
    return out;
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : fallback;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body == null ? "" : body);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("signals answer is not JSON: " + e.getMessage(), e);
    }
  }
}
