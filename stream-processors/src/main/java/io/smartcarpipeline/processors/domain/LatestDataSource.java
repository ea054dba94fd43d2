package io.smartcarpipeline.processors.domain;

import io.smartcarpipeline.events.EventSource;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalSnapshot;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleState;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a vehicle's latest data came from: the {@link VehicleEvent#getSource() source} (webhook
 * delivery or fleet-sync's API read) of the newest event that moved a signal's value forward in
 * source time. An event that only repeats older readings (a late webhook retry after a gap-filling
 * read, or the reverse) leaves it as it was, so it names where the values shown came from, not
 * merely what arrived last.
 */
public final class LatestDataSource {

  private LatestDataSource() {}

  /**
   * The source to record after folding {@code event} from {@code before} (null for a new vehicle)
   * into {@code after}; empty when the event supplied no newer value.
   */
  public static Optional<EventSource> after(
      VehicleState before, VehicleState after, VehicleEvent event) {
    for (Signal s : event.getSignals()) {
      SignalSnapshot old = before == null ? null : before.getSignals().get(s.getCode());
      SignalSnapshot now = after.getSignals().get(s.getCode());
      if (now != null && now.getValue() != null && moved(old, now)) {
        return Optional.of(event.getSource() == null ? EventSource.WEBHOOK : event.getSource());
      }
    }
    return Optional.empty();
  }

  private static boolean moved(SignalSnapshot old, SignalSnapshot now) {
    return old == null
        || old.getValue() == null
        || !Objects.equals(old.getOemUpdatedAt(), now.getOemUpdatedAt())
        || !Objects.equals(old.getRetrievedAt(), now.getRetrievedAt())
        || !Objects.equals(old.getValue(), now.getValue());
  }
}
