package io.smartcarpipeline.processors.domain;

import io.smartcarpipeline.events.ErrorState;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalSnapshot;
import io.smartcarpipeline.events.SignalStatus;
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

  /** The state after {@code event}; {@code current} may be null for a new vehicle. */
  public static VehicleState apply(VehicleState current, VehicleEvent event, Instant now) {
    VehicleState.Builder next =
        current == null
            ? VehicleState.newBuilder()
                .setVehicleId(event.getVehicleId())
                .setVehicle(new VehicleInfo(null, null, null))
                .setSignals(Map.of())
                .setOpenErrors(List.of())
            : VehicleState.newBuilder(current);
    boolean newest =
        current == null
            || current.getLastEventAt() == null
            || !event.getReceivedAt().isBefore(current.getLastEventAt());
    if (newest) {
      next.setLastEventId(event.getEventId()).setLastEventAt(event.getReceivedAt());
      if (event.getUserId() != null) {
        next.setUserId(event.getUserId());
      }
      next.setVehicle(mergeInfo(next.getVehicle(), event.getVehicle()));
    }
    if (event.getEventType() == EventType.VEHICLE_ERROR) {
      next.setOpenErrors(applyErrors(next.getOpenErrors(), event));
    } else {
      Map<String, SignalSnapshot> signals = new LinkedHashMap<>(next.getSignals());
      Instant reportedAt =
          event.getDeliveredAt() != null ? event.getDeliveredAt() : event.getReceivedAt();
      for (Signal s : event.getSignals()) {
        signals.put(s.getCode(), applySignal(signals.get(s.getCode()), s, reportedAt));
      }
      next.setSignals(signals);
    }
    return next.setUpdatedAt(now).build();
  }

  static SignalSnapshot applySignal(SignalSnapshot old, Signal s, Instant deliveredAt) {
    SignalSnapshot.Builder b =
        old == null
            ? SignalSnapshot.newBuilder().setCode(s.getCode())
            : SignalSnapshot.newBuilder(old);
    if (s.getName() != null) {
      b.setName(s.getName());
    }
    if (s.getGroup() != null) {
      b.setGroup(s.getGroup());
    }
    if (s.getStatus() == SignalStatus.ERROR || s.getValue() == null) {
      Instant at = s.getRetrievedAt() != null ? s.getRetrievedAt() : deliveredAt;
      if (s.getError() != null && (b.getErrorAt() == null || !at.isBefore(b.getErrorAt()))) {
        b.setError(s.getError()).setErrorAt(at);
      }
      return b.build();
    }
    SourceTime incoming = SourceTime.of(s.getOemUpdatedAt(), s.getRetrievedAt());
    if (old == null
        || old.getValue() == null
        || incoming.isNewerThan(SourceTime.of(old.getOemUpdatedAt(), old.getRetrievedAt()))) {
      b.setValue(s.getValue())
          .setOemUpdatedAt(s.getOemUpdatedAt())
          .setRetrievedAt(s.getRetrievedAt());
    }
    Instant readAt = s.getRetrievedAt() != null ? s.getRetrievedAt() : s.getOemUpdatedAt();
    if (b.getErrorAt() != null && readAt != null && readAt.isAfter(b.getErrorAt())) {
      b.setError(null).setErrorAt(null);
    }
    return b.build();
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
