package io.smartcarpipeline.processors.testdata;

import io.smartcarpipeline.events.ChargeLimits;
import io.smartcarpipeline.events.ErrorState;
import io.smartcarpipeline.events.EventSource;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds {@link VehicleEvent}s as the gateway would write them, for tests. */
public final class EventBuilder {

  public static final String USER = "user-1";

  private final String vehicleId;
  private String eventId = UUID.randomUUID().toString();
  private EventType type = EventType.VEHICLE_STATE;
  private Instant receivedAt;
  private VehicleInfo vehicle = new VehicleInfo("TESLA", "Model 3", 2020);
  private String mode = "LIVE";
  private EventSource source = EventSource.WEBHOOK;
  private final List<Signal> signals = new ArrayList<>();
  private final List<VehicleError> errors = new ArrayList<>();

  private EventBuilder(String vehicleId, Instant receivedAt) {
    this.vehicleId = vehicleId;
    this.receivedAt = receivedAt;
  }

  /** A VEHICLE_STATE event received at {@code receivedAt}. */
  public static EventBuilder state(String vehicleId, Instant receivedAt) {
    return new EventBuilder(vehicleId, receivedAt);
  }

  /** A VEHICLE_ERROR event received at {@code receivedAt}. */
  public static EventBuilder error(String vehicleId, Instant receivedAt) {
    EventBuilder b = new EventBuilder(vehicleId, receivedAt);
    b.type = EventType.VEHICLE_ERROR;
    return b;
  }

  /** Make, model and year (default a 2020 Tesla Model 3). */
  public EventBuilder vehicle(String make, String model, int year) {
    this.vehicle = new VehicleInfo(make, model, year);
    return this;
  }

  /** {@code meta.mode} (default LIVE). */
  public EventBuilder mode(String mode) {
    this.mode = mode;
    return this;
  }

  /** How the event reached us (default WEBHOOK; API_READ for fleet-sync's reads). */
  public EventBuilder source(EventSource source) {
    this.source = source;
    return this;
  }

  public EventBuilder eventId(String id) {
    this.eventId = id;
    return this;
  }

  public EventBuilder bool(String code, boolean v, Instant at) {
    return add(
        code, value(ValueKind.BOOLEAN).setBooleanValue(v).setBodyJson("{\"value\":" + v + "}"), at);
  }

  public EventBuilder number(String code, double v, String unit, Instant at) {
    return add(
        code,
        value(ValueKind.NUMBER)
            .setNumberValue(v)
            .setUnit(unit)
            .setSourceUnit(unit)
            .setBodyJson("{\"value\":" + v + ",\"unit\":\"" + unit + "\"}"),
        at);
  }

  public EventBuilder text(String code, String v, Instant at) {
    return add(
        code, value(ValueKind.TEXT).setTextValue(v).setBodyJson("{\"value\":\"" + v + "\"}"), at);
  }

  public EventBuilder location(double lat, double lon, Instant at) {
    return add(
        "location-preciselocation",
        value(ValueKind.LOCATION)
            .setLocation(new Location(lat, lon, null, null, "CURRENT"))
            .setBodyJson("{\"latitude\":" + lat + ",\"longitude\":" + lon + "}"),
        at);
  }

  public EventBuilder chargeLimit(double active, Instant at) {
    return add(
        "charge-chargelimits",
        value(ValueKind.CHARGE_LIMITS)
            .setChargeLimits(new ChargeLimits(active, List.of()))
            .setBodyJson("{\"values\":[],\"activeLimit\":" + active + "}"),
        at);
  }

  /** A signal that failed (no body, no meta), as in the real fixtures. */
  public EventBuilder failed(String code, String type, String errorCode) {
    signals.add(
        Signal.newBuilder()
            .setCode(code)
            .setStatus(SignalStatus.ERROR)
            .setError(new SignalError(type, errorCode))
            .build());
    return this;
  }

  /** A VEHICLE_ERROR entry. */
  public EventBuilder vehicleError(
      String type, String code, ErrorState state, String... signalCodes) {
    List<SignalRef> refs = new ArrayList<>();
    for (String c : signalCodes) {
      refs.add(new SignalRef(c, null, null));
    }
    errors.add(
        VehicleError.newBuilder()
            .setType(type)
            .setCode(code)
            .setState(state)
            .setSignals(refs)
            .setReportedAt(receivedAt)
            .build());
    return this;
  }

  public VehicleEvent build() {
    return VehicleEvent.newBuilder()
        .setEventId(eventId)
        .setEventType(type)
        .setVehicleId(vehicleId)
        .setUserId(USER)
        .setVehicle(vehicle)
        .setSignals(signals)
        .setErrors(errors)
        .setDeliveredAt(receivedAt)
        .setReceivedAt(receivedAt)
        .setMode(mode)
        .setSignature(SignatureCheck.NOT_CHECKED)
        .setRawBody("{}")
        .setSource(source)
        .build();
  }

  private EventBuilder add(String code, SignalValue.Builder v, Instant at) {
    signals.add(
        Signal.newBuilder()
            .setCode(code)
            .setStatus(SignalStatus.SUCCESS)
            .setValue(v.build())
            .setOemUpdatedAt(at)
            .setRetrievedAt(at.plusSeconds(2))
            .build());
    return this;
  }

  private static SignalValue.Builder value(ValueKind kind) {
    return SignalValue.newBuilder().setKind(kind);
  }
}
