package io.smartcarpipeline.processors.domain;

import io.smartcarpipeline.events.ErrorState;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalError;
import io.smartcarpipeline.events.SignalSnapshot;
import io.smartcarpipeline.events.SignalStatus;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.VehicleError;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleInfo;
import io.smartcarpipeline.events.VehicleState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds distinct events into a vehicle's state. A signal's value moves only forward in source time
 * ({@link SourceTime}: oemUpdatedAt, then retrievedAt), so a late or repeated older reading never
 * moves state backwards. A failed read (status ERROR) keeps the last good value and records the
 * error; the error is cleared by a successful read retrieved after it. VEHICLE_ERROR entries in
 * state ERROR are open errors until a RESOLVED entry of the same type and code arrives.
 */
public final class VehicleStateFold {

  private VehicleStateFold() {}

  /**
   * The state after {@code event}; {@code current} may be null for a new vehicle and is never
   * modified. Records are built with their all-args constructors and share {@code current}'s
   * unchanged parts: {@code newBuilder(current)} deep-copied the whole state on every event.
   */
  public static VehicleState apply(VehicleState current, VehicleEvent event, Instant now) {
    String userId = current == null ? null : current.getUserId();
    VehicleInfo vehicle =
        current == null ? new VehicleInfo(null, null, null) : current.getVehicle();
    Map<String, SignalSnapshot> signals = current == null ? Map.of() : current.getSignals();
    List<VehicleError> openErrors = current == null ? List.of() : current.getOpenErrors();
    String lastEventId = current == null ? null : current.getLastEventId();
    Instant lastEventAt = current == null ? null : current.getLastEventAt();
    boolean newest = lastEventAt == null || !event.getReceivedAt().isBefore(lastEventAt);
    if (newest) {
      lastEventId = event.getEventId();
      lastEventAt = event.getReceivedAt();
      if (event.getUserId() != null) {
        userId = event.getUserId();
      }
      vehicle = mergeInfo(vehicle, event.getVehicle());
    }
    if (event.getEventType() == EventType.VEHICLE_ERROR) {
      openErrors = applyErrors(openErrors, event);
    } else {
      Map<String, SignalSnapshot> merged = new LinkedHashMap<>(signals);
      Instant reportedAt =
          event.getDeliveredAt() != null ? event.getDeliveredAt() : event.getReceivedAt();
      for (Signal s : event.getSignals()) {
        merged.put(s.getCode(), applySignal(merged.get(s.getCode()), s, reportedAt));
      }
      signals = merged;
    }
    return new VehicleState(
        current == null ? event.getVehicleId() : current.getVehicleId(),
        userId,
        vehicle,
        signals,
        openErrors,
        lastEventId,
        lastEventAt,
        now);
  }

  static SignalSnapshot applySignal(SignalSnapshot old, Signal s, Instant deliveredAt) {
    String name = old == null ? null : old.getName();
    String group = old == null ? null : old.getGroup();
    SignalValue value = old == null ? null : old.getValue();
    Instant oemUpdatedAt = old == null ? null : old.getOemUpdatedAt();
    Instant retrievedAt = old == null ? null : old.getRetrievedAt();
    SignalError error = old == null ? null : old.getError();
    Instant errorAt = old == null ? null : old.getErrorAt();
    if (s.getName() != null) {
      name = s.getName();
    }
    if (s.getGroup() != null) {
      group = s.getGroup();
    }
    if (s.getStatus() == SignalStatus.ERROR || s.getValue() == null) {
      Instant at = s.getRetrievedAt() != null ? s.getRetrievedAt() : deliveredAt;
      if (s.getError() != null && (errorAt == null || !at.isBefore(errorAt))) {
        error = s.getError();
        errorAt = at;
      }
    } else {
      SourceTime incoming = SourceTime.of(s.getOemUpdatedAt(), s.getRetrievedAt());
      if (value == null || incoming.isNewerThan(SourceTime.of(oemUpdatedAt, retrievedAt))) {
        value = s.getValue();
        oemUpdatedAt = s.getOemUpdatedAt();
        retrievedAt = s.getRetrievedAt();
      }
      Instant readAt = s.getRetrievedAt() != null ? s.getRetrievedAt() : s.getOemUpdatedAt();
      if (errorAt != null && readAt != null && readAt.isAfter(errorAt)) {
        error = null;
        errorAt = null;
      }
    }
    String code = old == null ? s.getCode() : old.getCode();
    return new SignalSnapshot(code, name, group, value, oemUpdatedAt, retrievedAt, error, errorAt);
  }

  private static List<VehicleError> applyErrors(List<VehicleError> open, VehicleEvent event) {
    List<VehicleError> out = new ArrayList<>(open);
    for (VehicleError e : event.getErrors()) {
      Instant at = e.getReportedAt() != null ? e.getReportedAt() : event.getReceivedAt();
      VehicleError stamped = VehicleError.newBuilder(e).setReportedAt(at).build();
      out.removeIf(o -> sameCondition(o, e) && !o.getReportedAt().isAfter(at));
      boolean newerOpen = out.stream().anyMatch(o -> sameCondition(o, e));
      if (e.getState() == ErrorState.ERROR && !newerOpen) {
        out.add(stamped);
      }
    }
    return out;
  }

  private static boolean sameCondition(VehicleError a, VehicleError b) {
    return Objects.equals(a.getType(), b.getType()) && Objects.equals(a.getCode(), b.getCode());
  }

  private static VehicleInfo mergeInfo(VehicleInfo old, VehicleInfo incoming) {
    if (incoming == null) {
      return old;
    }
    return new VehicleInfo(
        incoming.getMake() != null ? incoming.getMake() : old.getMake(),
        incoming.getModel() != null ? incoming.getModel() : old.getModel(),
        incoming.getYear() != null ? incoming.getYear() : old.getYear());
  }
}
