package io.smartcarpipeline.sim.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * Decides what one vehicle sends after each step, like Smartcar's webhook: a {@code VEHICLE_STATE}
 * with every subscribed signal when a trigger signal's reported value changed (the first one with
 * trigger {@code FIRST_DELIVERY}), a {@code VEHICLE_ERROR ASLEEP} ERROR / RESOLVED around sleep for
 * profiles that send them, and {@code VIRTUAL_KEY_REQUIRED} once for a Tesla without the key. Rule:
 * a signal's {@code oemUpdatedAt} is the simulated time its reported value last changed; {@code
 * retrievedAt} is now; the VIN carries 0 for both, as real payloads do.
 */
final class VehicleReporter {

  private final VehicleProfile profile;
  private final Random ids;
  private final Map<SimSignal, Long> oemUpdatedAt = new EnumMap<>(SimSignal.class);
  private Map<SimSignal, JsonObject> last;
  private Boolean lastAsleep;

  VehicleReporter(VehicleProfile profile, Random ids) {
    this.profile = profile;
    this.ids = ids;
  }

  /** The events to send for these readings at {@code now} (possibly none). */
  List<WebhookEvent> report(Readings readings, Instant now) {
    List<WebhookEvent> out = new ArrayList<>(2);
    boolean first = last == null;
    Map<SimSignal, JsonObject> bodies = SignalRenderer.render(profile, readings);
    JsonArray triggers = new JsonArray();
    if (first) {
      triggers.add(WebhookPayloads.firstDelivery());
    }
    for (Map.Entry<SimSignal, JsonObject> e : bodies.entrySet()) {
      boolean changed = first || !Objects.equals(e.getValue(), last.get(e.getKey()));
      if (changed && e.getValue() != null) {
        oemUpdatedAt.put(e.getKey(), now.toEpochMilli());
        if (!first && e.getKey().trigger()) {
          triggers.add(WebhookPayloads.trigger(e.getKey(), profile.car().dottedTriggers()));
        }
      }
    }
    last = bodies;
    if (!triggers.isEmpty()) {
      out.add(stateEvent(bodies, triggers, now));
    }
    if (first && profile.tesla() && !profile.car().hasVirtualKey()) {
      out.add(errorEvent(WebhookPayloads.virtualKeyError(), now));
    }
    if (profile.car().sleepErrors() && lastAsleep != null && lastAsleep != readings.asleep()) {
      String state = readings.asleep() ? "ERROR" : "RESOLVED";
      Object ref =
          WebhookPayloads.signalRef(SimSignal.PRECISE_LOCATION, profile.car().dottedTriggers());
      out.add(errorEvent(WebhookPayloads.asleepError(state, ref), now));
    }
    lastAsleep = readings.asleep();
    return out;
  }

  private WebhookEvent stateEvent(
      Map<SimSignal, JsonObject> bodies, JsonArray triggers, Instant now) {
    long retrievedAt = now.toEpochMilli();
    JsonArray signals = new JsonArray();
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Long> times = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (Map.Entry<SimSignal, JsonObject> e : bodies.entrySet()) {
      SimSignal s = e.getKey();
      if (e.getValue() == null) {
        signals.add(WebhookPayloads.errorSignal(s, "COMPATIBILITY", "VEHICLE_NOT_CAPABLE"));
        errors.add(s.code());
        continue;
      }
      boolean isStatic = s == SimSignal.VIN;
      long oem = isStatic ? 0 : oemUpdatedAt.get(s);
      signals.add(WebhookPayloads.signal(s, e.getValue().copy(), oem, isStatic ? 0 : retrievedAt));
      values.put(s.code(), new JsonObject(e.getValue().encode()).getMap());
      times.put(s.code(), oem);
    }
    String eventId = nextId();
    JsonObject body = WebhookPayloads.vehicleState(eventId, profile, triggers, signals);
    return new WebhookEvent(
        eventId,
        profile.vehicleId(),
        "VEHICLE_STATE",
        body,
        values,
        times,
        retrievedAt,
        errors,
        now);
  }

  private WebhookEvent errorEvent(JsonObject error, Instant now) {
    String eventId = nextId();
    JsonObject body = WebhookPayloads.vehicleError(eventId, profile, new JsonArray().add(error));
    String summary =
        error.getString("type") + ":" + error.getString("code") + ":" + error.getString("state");
    return new WebhookEvent(
        eventId,
        profile.vehicleId(),
        "VEHICLE_ERROR",
        body,
        Map.of(),
        Map.of(),
        now.toEpochMilli(),
        List.of(summary),
        now);
  }

  /** A version-4 UUID drawn from the seeded generator, so event ids repeat with the seed. */
  private String nextId() {
    long msb = (ids.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
