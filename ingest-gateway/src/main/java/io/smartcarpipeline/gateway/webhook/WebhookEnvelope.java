package io.smartcarpipeline.gateway.webhook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.gateway.normalise.Ids;
import io.smartcarpipeline.gateway.normalise.VehicleEventMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The envelope of one webhook body: what kind of delivery it is and the fields the gateway routes
 * on (docs/smartcar-v3.md §2.1, §2.3). Rule: V4.0 bodies are told apart by {@code eventType}; the
 * legacy V2.0 form ({@code eventName}, {@code payload}) is recognised too, so a legacy VERIFY is
 * answered and other legacy deliveries count as unknown event types, not as malformed.
 *
 * @param root the parsed body (a JSON object)
 * @param kind what to do with it
 * @param eventType the event type as sent ({@code eventType}, or {@code eventName} of V2.0)
 */
public record WebhookEnvelope(JsonNode root, Kind kind, String eventType) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** What a delivery asks of the gateway. */
  public enum Kind {
    VERIFY,
    VEHICLE_STATE,
    VEHICLE_ERROR,
    UNKNOWN
  }

  /**
   * Parses and classifies a body.
   *
   * @throws InvalidWebhookException NOT_JSON, NOT_AN_OBJECT or MISSING_EVENT_TYPE
   */
  public static WebhookEnvelope parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (StreamConstraintsException e) {
      // Nesting, number length or name length beyond Jackson's limits: such errors carry no
      // location, and the message says which limit without quoting the body.
      throw new InvalidWebhookException(
          "NOT_JSON", "body exceeds the JSON parser's limits (nesting, number or name length)");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InvalidWebhookException(
          "NOT_JSON",
          at == null
              ? "body is not valid JSON"
              : "body is not valid JSON (line " + at.getLineNr() + ")");
    } catch (IOException | RuntimeException e) {
      throw new InvalidWebhookException("NOT_JSON", "body is not valid JSON");
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidWebhookException("NOT_JSON", "body is empty");
    }
    if (!root.isObject()) {
      throw new InvalidWebhookException("NOT_AN_OBJECT", "body must be a JSON object");
    }
    String eventType = text(root, "eventType");
    if (eventType != null) {
      return new WebhookEnvelope(root, classify(eventType), eventType);
    }
    String legacy = text(root, "eventName");
    if (legacy != null) {
      Kind kind = legacy.equalsIgnoreCase("verify") ? Kind.VERIFY : Kind.UNKNOWN;
      return new WebhookEnvelope(root, kind, legacy);
    }
    throw new InvalidWebhookException("MISSING_EVENT_TYPE", "body has no eventType");
  }

  private static Kind classify(String eventType) {
    if (eventType.trim().equalsIgnoreCase("VERIFY")) {
      return Kind.VERIFY;
    }
    return VehicleEventMapper.eventType(eventType)
        .map(t -> t == EventType.VEHICLE_STATE ? Kind.VEHICLE_STATE : Kind.VEHICLE_ERROR)
        .orElse(Kind.UNKNOWN);
  }

  /** The VERIFY challenge: {@code data.challenge}, or {@code payload.challenge} of V2.0. */
  public Optional<String> challenge() {
    String c = text(root.path("data"), "challenge");
    if (c == null) {
      c = text(root.path("payload"), "challenge");
    }
    return Optional.ofNullable(c);
  }

  /** Smartcar's eventId, when the body has a valid one ({@link Ids}). */
  public Optional<String> eventId() {
    return Ids.clean(text(root, "eventId"));
  }

  /** The vehicle id ({@code data.vehicle.id}, else top-level {@code vehicleId}), when valid. */
  public Optional<String> vehicleId() {
    return VehicleEventMapper.vehicleId(root);
  }

  /**
   * Checks that a VEHICLE_STATE / VEHICLE_ERROR body names its vehicle and event by valid ids.
   *
   * @throws InvalidWebhookException MISSING_VEHICLE_ID, INVALID_VEHICLE_ID, MISSING_EVENT_ID or
   *     INVALID_EVENT_ID
   */
  public void requireIds() {
    if (vehicleId().isEmpty()) {
      boolean given = root.path("data").path("vehicle").has("id") || root.has("vehicleId");
      throw given
          ? new InvalidWebhookException(
              "INVALID_VEHICLE_ID", "the vehicle id is not 1-256 printable characters")
          : new InvalidWebhookException(
              "MISSING_VEHICLE_ID", "no data.vehicle.id and no vehicleId");
    }
    if (eventId().isEmpty()) {
      throw root.has("eventId")
          ? new InvalidWebhookException(
              "INVALID_EVENT_ID", "eventId is not 1-256 printable characters")
          : new InvalidWebhookException("MISSING_EVENT_ID", "no eventId");
    }
  }

  /** The {@link EventType} of a VEHICLE_STATE / VEHICLE_ERROR delivery. */
  public Optional<EventType> vehicleEventType() {
    return VehicleEventMapper.eventType(eventType);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }

  /** For logs: never the body, only the kind and type. */
  @Override
  public String toString() {
    return "WebhookEnvelope[kind="
        + kind
        + ", eventType="
        + eventType.toLowerCase(Locale.ROOT)
        + "]";
  }
}
