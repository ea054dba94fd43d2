package io.smartcarpipeline.processors.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.events.ChargeLimits;
import io.smartcarpipeline.events.ErrorState;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.Location;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalError;
import io.smartcarpipeline.events.SignalRef;
import io.smartcarpipeline.events.SignalStatus;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.ValueKind;
import io.smartcarpipeline.events.VehicleError;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a real webhook body from {@code webhook-fixtures} (classpath {@code smartcar-webhooks/})
 * into the {@link VehicleEvent} the gateway would write (a small stand-in for its normaliser:
 * enough for the shapes in the fixtures; the gateway's own tests own the full rules).
 */
public final class FixtureEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FixtureEvents() {}

  /** The event of fixture {@code name}, received at {@code receivedAt}. */
  public static VehicleEvent load(String name, Instant receivedAt) {
    try (InputStream in = FixtureEvents.class.getResourceAsStream("/smartcar-webhooks/" + name)) {
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      JsonNode root = JSON.readTree(raw);
      JsonNode data = root.path("data");
      JsonNode vehicle = data.path("vehicle");
      EventType type = EventType.valueOf(root.path("eventType").asText());
      List<Signal> signals = new ArrayList<>();
      data.path("signals").forEach(s -> signals.add(signal(s)));
      List<VehicleError> errors = new ArrayList<>();
      data.path("errors").forEach(e -> errors.add(error(e, receivedAt)));
      return VehicleEvent.newBuilder()
          .setEventId(root.path("eventId").asText())
          .setEventType(type)
          .setVehicleId(vehicle.path("id").asText())
          .setUserId(data.path("user").path("id").asText(null))
          .setVehicle(
              new VehicleInfo(
                  vehicle.path("make").asText(null),
                  vehicle.path("model").asText(null),
                  vehicle.has("year") ? vehicle.path("year").asInt() : null))
          .setSignals(signals)
          .setErrors(errors)
          .setReceivedAt(receivedAt)
          .setMode(root.path("meta").path("mode").asText(null))
          .setSignature(SignatureCheck.NOT_CHECKED)
          .setRawBody(raw)
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read fixture " + name, e);
    }
  }

  private static Signal signal(JsonNode s) {
    Signal.Builder b =
        Signal.newBuilder()
            .setCode(s.path("code").asText())
            .setName(s.path("name").asText(null))
            .setGroup(s.path("group").asText(null));
    JsonNode status = s.path("status");
    if ("ERROR".equals(status.path("value").asText())) {
      JsonNode err = status.path("error");
      return b.setStatus(SignalStatus.ERROR)
          .setError(new SignalError(err.path("type").asText(), err.path("code").asText(null)))
          .build();
    }
    JsonNode meta = s.path("meta");
    return b.setStatus(SignalStatus.SUCCESS)
        .setValue(value(s.path("body")))
        .setOemUpdatedAt(time(meta.path("oemUpdatedAt")))
        .setRetrievedAt(time(meta.path("retrievedAt")))
        .build();
  }

  private static SignalValue value(JsonNode body) {
    SignalValue.Builder v =
        SignalValue.newBuilder()
            .setKind(ValueKind.STRUCTURED)
            .setBodyJson(body.toString())
            .setUnit(body.path("unit").asText(null))
            .setSourceUnit(body.path("unit").asText(null));
    JsonNode value = body.path("value");
    if (value.isBoolean()) {
      v.setKind(ValueKind.BOOLEAN).setBooleanValue(value.asBoolean());
    } else if (value.isNumber()) {
      v.setKind(ValueKind.NUMBER).setNumberValue(value.asDouble());
    } else if (value.isTextual()) {
      v.setKind(ValueKind.TEXT).setTextValue(value.asText());
    } else if (body.has("latitude")) {
      v.setKind(ValueKind.LOCATION)
          .setLocation(
              new Location(
                  body.path("latitude").asDouble(),
                  body.path("longitude").asDouble(),
                  body.has("heading") ? body.path("heading").asDouble() : null,
                  null,
                  body.path("locationType").asText(null)));
    } else if (body.has("activeLimit")) {
      v.setKind(ValueKind.CHARGE_LIMITS)
          .setChargeLimits(new ChargeLimits(body.path("activeLimit").asDouble(), List.of()));
    } else if (body.has("capacity")) {
      v.setKind(ValueKind.NUMBER).setNumberValue(body.path("capacity").asDouble());
    }
    return v.build();
  }

  private static VehicleError error(JsonNode e, Instant receivedAt) {
    List<SignalRef> refs = new ArrayList<>();
    for (JsonNode s : e.path("signals")) {
      if (s.isTextual()) {
        String[] parts = s.asText().split("\\.", 2);
        refs.add(new SignalRef(null, parts.length > 1 ? parts[1] : null, parts[0]));
      } else {
        refs.add(
            new SignalRef(
                s.path("code").asText(null),
                s.path("name").asText(null),
                s.path("group").asText(null)));
      }
    }
    return VehicleError.newBuilder()
        .setType(e.path("type").asText())
        .setCode(e.path("code").isNull() ? null : e.path("code").asText(null))
        .setState(ErrorState.valueOf(e.path("state").asText("UNKNOWN")))
        .setSignals(refs)
        .setReportedAt(receivedAt)
        .build();
  }

  private static Instant time(JsonNode n) {
    return n.isNumber() && n.asLong() > 0 ? Instant.ofEpochMilli(n.asLong()) : null;
  }
}
