package io.smartcarpipeline.gateway.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The tolerant reader: turns a parsed VEHICLE_STATE or VEHICLE_ERROR webhook body into one {@link
 * VehicleEvent} (docs/smartcar-v3.md §2.3, §2.4, §2.6). Rule: accept every shape seen in the field
 * and never fail on an unknown unit, signal or field; every signal and error of the body is kept,
 * and the raw body travels with the event. Plain Java, no Kafka or Vert.x.
 */
public final class VehicleEventMapper {

  private VehicleEventMapper() {}

  /** The event type named by {@code eventType}, if it is one we normalise. */
  public static Optional<EventType> eventType(String eventType) {
    if (eventType == null) {
      return Optional.empty();
    }
    return switch (eventType.trim().toUpperCase(Locale.ROOT)) {
      case "VEHICLE_STATE" -> Optional.of(EventType.VEHICLE_STATE);
      case "VEHICLE_ERROR" -> Optional.of(EventType.VEHICLE_ERROR);
      default -> Optional.empty();
    };
  }

  /**
   * The vehicle id: {@code data.vehicle.id}, else the documented top-level {@code vehicleId}; empty
   * when neither is a valid id ({@link Ids}).
   */
  public static Optional<String> vehicleId(JsonNode root) {
    String id = Json.text(root.path("data").path("vehicle"), "id");
    if (id == null || id.isBlank()) {
      id = Json.text(root, "vehicleId");
    }
    return Ids.clean(id);
  }

  /**
   * Normalises one delivery whose type and vehicle id the caller has already checked.
   *
   * @param root the parsed body
   * @param type VEHICLE_STATE or VEHICLE_ERROR
   * @param rawBody the body exactly as received, decoded as UTF-8
   * @param signature which management token verified it
   * @param receivedAt when the gateway received it
   * @throws IllegalArgumentException if the body has no valid vehicle id or eventId
   */
  public static VehicleEvent map(
      JsonNode root, EventType type, String rawBody, SignatureCheck signature, Instant receivedAt) {
    String vehicleId =
        vehicleId(root).orElseThrow(() -> new IllegalArgumentException("no vehicle id"));
    String eventId =
        Ids.clean(Json.text(root, "eventId"))
            .orElseThrow(() -> new IllegalArgumentException("no valid eventId"));
    JsonNode data = Json.object(root, "data");
    JsonNode meta = Json.object(root, "meta");
    Set<String> unknownUnits = new LinkedHashSet<>();
    List<Signal> signals = new ArrayList<>();
    JsonNode signalArray = data.path("signals");
    if (type == EventType.VEHICLE_STATE && signalArray.isArray()) {
      signalArray.forEach(s -> signals.add(SignalMapper.map(s, unknownUnits)));
    }
    return VehicleEvent.newBuilder()
        .setEventId(eventId)
        .setEventType(type)
        .setVehicleId(vehicleId)
        .setUserId(Json.text(data.path("user"), "id"))
        .setVehicle(vehicle(data.path("vehicle")))
        .setTriggers(SignalRefs.triggers(root))
        .setSignals(signals)
        .setErrors(VehicleErrorMapper.map(data.get("errors"), receivedAt))
        .setDeliveryId(Json.text(meta, "deliveryId"))
        .setDeliveredAt(Json.instant(meta, "deliveredAt").orElse(null))
        .setWebhookId(Json.text(meta, "webhookId"))
        .setWebhookName(Json.text(meta, "webhookName"))
        .setMode(Json.text(meta, "mode"))
        .setPayloadVersion(Json.firstText(meta, "version"))
        .setReceivedAt(receivedAt)
        .setSignature(signature)
        .setUnknownUnits(new ArrayList<>(unknownUnits))
        .setRawBody(rawBody)
        .build();
  }

  private static VehicleInfo vehicle(JsonNode vehicle) {
    return new VehicleInfo(
        Json.text(vehicle, "make"), Json.text(vehicle, "model"), Json.integer(vehicle, "year"));
  }
}
