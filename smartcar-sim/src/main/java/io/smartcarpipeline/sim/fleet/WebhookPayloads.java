package io.smartcarpipeline.sim.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Builds V3 webhook bodies (payload format {@code meta.version "4.0"}) the way real deliveries look
 * (docs/smartcar-v3.md §2.1–§2.6 and the captured fixtures): top-level {@code triggers} of {@code
 * {type:"SIGNAL_UPDATED", signal:{name,code,group}}} or the older dotted string, signals with
 * {@code meta.oemUpdatedAt/retrievedAt} in epoch ms and {@code status.value}, unsupported signals
 * as {@code status.error} without a body, no top-level {@code vehicleId}. Plain builders: the event
 * is built once; {@link #withMeta} adds the per-attempt {@code meta}.
 */
public final class WebhookPayloads {

  public static final String VERSION = "4.0";

  private WebhookPayloads() {}

  /** What changes with every attempt: a new {@code deliveryId}, the attempt's time. */
  public record DeliveryMeta(
      String deliveryId, long deliveredAt, String webhookId, String webhookName, String mode) {}

  /** {@code {"eventId","eventType":"VERIFY","data":{"challenge"}}}. */
  public static JsonObject verify(String eventId, String challenge) {
    return new JsonObject()
        .put("eventId", eventId)
        .put("eventType", "VERIFY")
        .put("data", new JsonObject().put("challenge", challenge));
  }

  /** A VEHICLE_STATE event: top-level triggers, every subscribed signal under {@code data}. */
  public static JsonObject vehicleState(
      String eventId, VehicleProfile p, JsonArray triggers, JsonArray signals) {
    return new JsonObject()
        .put("eventId", eventId)
        .put("eventType", "VEHICLE_STATE")
        .put("triggers", triggers)
        .put("data", identity(p).put("signals", signals));
  }

  /** A VEHICLE_ERROR event with these {@code data.errors}. */
  public static JsonObject vehicleError(String eventId, VehicleProfile p, JsonArray errors) {
    return new JsonObject()
        .put("eventId", eventId)
        .put("eventType", "VEHICLE_ERROR")
        .put("data", identity(p).put("errors", errors));
  }

  private static JsonObject identity(VehicleProfile p) {
    return new JsonObject()
        .put("user", new JsonObject().put("id", p.userId()))
        .put(
            "vehicle",
            new JsonObject()
                .put("id", p.vehicleId())
                .put("make", p.car().make())
                .put("model", p.car().model())
                .put("year", p.car().year()));
  }

  /** A signal read successfully. */
  public static JsonObject signal(
      SimSignal s, JsonObject body, long oemUpdatedAt, long retrievedAt) {
    return new JsonObject()
        .put("code", s.code())
        .put("name", s.signalName())
        .put("group", s.group())
        .put("body", body)
        .put(
            "meta",
            new JsonObject().put("oemUpdatedAt", oemUpdatedAt).put("retrievedAt", retrievedAt))
        .put("status", new JsonObject().put("value", "SUCCESS"));
  }

  /** A signal the car cannot give: {@code status.value ERROR} with the error, no body, no meta. */
  public static JsonObject errorSignal(SimSignal s, String type, String code) {
    return new JsonObject()
        .put("name", s.signalName())
        .put("group", s.group())
        .put("code", s.code())
        .put(
            "status",
            new JsonObject()
                .put("value", "ERROR")
                .put("error", new JsonObject().put("type", type).put("code", code)));
  }

  /** A trigger: {@code {type, signal:{name,code,group}}}, or the dotted-string form. */
  public static JsonObject trigger(SimSignal s, boolean dotted) {
    Object signal =
        dotted
            ? s.dotted()
            : new JsonObject()
                .put("name", s.signalName())
                .put("code", s.code())
                .put("group", s.group());
    return new JsonObject().put("type", "SIGNAL_UPDATED").put("signal", signal);
  }

  /** The trigger of the first delivery after a vehicle is subscribed. */
  public static JsonObject firstDelivery() {
    return new JsonObject().put("type", "FIRST_DELIVERY");
  }

  /** {@code VEHICLE_STATE / ASLEEP}, state {@code ERROR} or {@code RESOLVED}. */
  public static JsonObject asleepError(String state, Object... signals) {
    return error(
        "VEHICLE_STATE",
        "ASLEEP",
        state,
        "The vehicle is in a sleep state and temporarily unable to perform your request.",
        "https://smartcar.com/docs/errors/api-errors/vehicle-state-errors#asleep",
        "RETRY_LATER",
        "Your car is asleep. Please wake it up and try again.",
        signals);
  }

  /** {@code CONNECTED_SERVICES_ACCOUNT / VIRTUAL_KEY_REQUIRED} (a Tesla without our key). */
  public static JsonObject virtualKeyError() {
    return error(
        "CONNECTED_SERVICES_ACCOUNT",
        "VIRTUAL_KEY_REQUIRED",
        "ERROR",
        "The vehicle owner needs to add the application's virtual key to the vehicle.",
        "https://smartcar.com/docs/errors/api-errors/connected-services-account-errors#virtual-key-required",
        "USER_ACTION_REQUIRED",
        "Please add the virtual key to your vehicle.");
  }

  private static JsonObject error(
      String type,
      String code,
      String state,
      String description,
      String docUrl,
      String resolution,
      String userMessage,
      Object... signals) {
    return new JsonObject()
        .put("type", type)
        .put("code", code)
        .put("description", description)
        .put("docURL", docUrl)
        .put("resolution", new JsonObject().put("type", resolution))
        .put("suggestedUserMessage", userMessage)
        .put("state", state)
        .put("signals", new JsonArray(java.util.List.of(signals)));
  }

  /** A signal reference as in {@code errors[].signals}: an object, or the dotted string. */
  public static Object signalRef(SimSignal s, boolean dotted) {
    return dotted
        ? s.dotted()
        : new JsonObject()
            .put("name", s.signalName())
            .put("group", s.group())
            .put("code", s.code());
  }

  /**
   * The event with this attempt's {@code meta}: deliveryId, deliveredAt, version, webhookId,
   * webhookName, mode, and signalCount for VEHICLE_STATE.
   */
  public static JsonObject withMeta(JsonObject event, DeliveryMeta m) {
    JsonObject meta =
        new JsonObject()
            .put("deliveryId", m.deliveryId())
            .put("deliveredAt", m.deliveredAt())
            .put("version", VERSION)
            .put("webhookId", m.webhookId())
            .put("webhookName", m.webhookName())
            .put("mode", m.mode());
    JsonArray signals = event.getJsonObject("data", new JsonObject()).getJsonArray("signals");
    if (signals != null) {
      meta.put("signalCount", signals.size());
    }
    return event.copy().put("meta", meta);
  }
}
