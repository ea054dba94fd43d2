package io.smartcarpipeline.processors.domain;

import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalError;
import io.smartcarpipeline.events.SignalEvent;
import io.smartcarpipeline.events.SignalRef;
import io.smartcarpipeline.events.SignalSource;
import io.smartcarpipeline.events.SignalStatus;
import io.smartcarpipeline.events.VehicleError;
import io.smartcarpipeline.events.VehicleEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits one distinct {@link VehicleEvent} into one {@link SignalEvent} per signal. A VEHICLE_ERROR
 * delivery becomes one ERROR record per affected signal (its type, code and ERROR/RESOLVED state),
 * so analytics can see which signal failed and why; an error naming no signal becomes one record
 * with code {@value #WHOLE_VEHICLE}.
 */
public final class SignalEvents {

  /** The code of an error record that names no particular signal. */
  public static final String WHOLE_VEHICLE = "*";

  private SignalEvents() {}

  /** The signal records of {@code event}, in the order Smartcar listed them. */
  public static List<SignalEvent> from(VehicleEvent event) {
    List<SignalEvent> out = new ArrayList<>(event.getSignals().size());
    if (event.getEventType() == EventType.VEHICLE_ERROR) {
      for (VehicleError error : event.getErrors()) {
        out.addAll(fromError(event, error));
      }
    } else {
      for (Signal s : event.getSignals()) {
        out.add(fromSignal(event, s));
      }
    }
    return out;
  }

  // All-args constructors, not newBuilder(): a builder deep-copies every default value per record,
  // which was a measurable share of the stream thread's CPU (BENCHMARKS.md, processors tuning).
  private static SignalEvent fromSignal(VehicleEvent event, Signal s) {
    return new SignalEvent(
        event.getEventId(),
        event.getVehicleId(),
        event.getUserId(),
        SignalSource.VEHICLE_STATE,
        s.getCode(),
        s.getName(),
        s.getGroup(),
        s.getStatus(),
        s.getValue(),
        s.getError(),
        null,
        s.getOemUpdatedAt(),
        s.getRetrievedAt(),
        event.getReceivedAt());
  }

  private static List<SignalEvent> fromError(VehicleEvent event, VehicleError error) {
    SignalError why = new SignalError(error.getType(), error.getCode());
    List<SignalRef> refs =
        error.getSignals().isEmpty()
            ? List.of(new SignalRef(WHOLE_VEHICLE, null, null))
            : error.getSignals();
    List<SignalEvent> out = new ArrayList<>();
    for (SignalRef ref : refs) {
      out.add(
          new SignalEvent(
              event.getEventId(),
              event.getVehicleId(),
              event.getUserId(),
              SignalSource.VEHICLE_ERROR,
              codeOf(ref),
              ref.getName(),
              ref.getGroup(),
              SignalStatus.ERROR,
              null,
              why,
              error.getState(),
              null,
              error.getReportedAt(),
              event.getReceivedAt()));
    }
    return out;
  }

  /** The kebab-case code of a reference, derived from group and name when no code was sent. */
  static String codeOf(SignalRef ref) {
    if (ref.getCode() != null && !ref.getCode().isBlank()) {
      return ref.getCode();
    }
    String group = ref.getGroup() == null ? "" : ref.getGroup().toLowerCase(Locale.ROOT);
    String name = ref.getName() == null ? "" : ref.getName().toLowerCase(Locale.ROOT);
    return group.isEmpty() && name.isEmpty() ? WHOLE_VEHICLE : group + "-" + name;
  }
}
