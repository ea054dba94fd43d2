package io.smartcarpipeline.fleetsync.gapfill;

import io.smartcarpipeline.events.EventSource;
import io.smartcarpipeline.events.Trigger;
import io.smartcarpipeline.events.VehicleEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How fleet-sync learns that data may be missing, from {@code smartcar.vehicle-events.v1} alone (it
 * reads the topic; the gateway is not changed). Three rules:
 *
 * <ul>
 *   <li><b>Outage</b>: webhook events carry the gateway's {@code receivedAt}. When one arrives more
 *       than {@code outageGap} (default Smartcar's retry window, 25+50+100 s) after the newest one
 *       before it, deliveries may have been dropped for good (the gateway or Kafka could not accept
 *       them): every connected vehicle is read. This catches an outage of the gateway, of Kafka
 *       behind it, and of the network in front of it, which the gateway itself could not record. A
 *       fleet that is merely quiet for that long costs one read per vehicle, within the budget
 *       share and the Tesla rule.
 *   <li><b>First delivery</b>: a webhook with a {@code FIRST_DELIVERY} trigger (new subscription,
 *       webhook re-enabled; nothing was queued before it) asks for a snapshot read.
 *   <li><b>Staleness</b>: a connected vehicle with no event of any source for longer than {@code
 *       staleness} ({@code FLEET_SYNC_STALENESS}) is read.
 * </ul>
 *
 * Times are the events' {@code receivedAt} (the gateway's clock, or ours for API reads). API reads
 * never count as deliveries for the outage rule, but do refresh a vehicle. A gap met while catching
 * up on old records (the resuming event is itself older than the gap) is history, not an outage.
 * Plain Java, injected clock, not thread-safe.
 */
public final class FreshnessWatch {

  /** What one observed event asks for. */
  public enum Finding {
    NOTHING,
    FIRST_DELIVERY,
    OUTAGE
  }

  private final Clock clock;
  private final Duration outageGap;
  private final Duration staleness;
  private final Map<String, Instant> lastHeard = new HashMap<>();
  private Instant newestDelivery;

  public FreshnessWatch(Clock clock, Duration outageGap, Duration staleness) {
    if (outageGap.isNegative() || outageGap.isZero() || staleness.isNegative()) {
      throw new IllegalArgumentException("outage gap must be positive, staleness not negative");
    }
    this.clock = clock;
    this.outageGap = outageGap;
    this.staleness = staleness;
  }

  /** Takes in one event from the topic and says what it asks for. */
  public Finding observe(VehicleEvent event) {
    Instant received = event.getReceivedAt();
    lastHeard.merge(event.getVehicleId(), received, (a, b) -> a.isAfter(b) ? a : b);
    if (event.getSource() == EventSource.API_READ) {
      return Finding.NOTHING;
    }
    Instant previous = newestDelivery;
    if (previous == null || received.isAfter(previous)) {
      newestDelivery = received;
    }
    boolean gap = previous != null && Duration.between(previous, received).compareTo(outageGap) > 0;
    // a gap found while catching up on old records is history, not an outage to repair now
    boolean current = Duration.between(received, clock.instant()).compareTo(outageGap) < 0;
    if (gap && current) {
      return Finding.OUTAGE;
    }
    return firstDelivery(event) ? Finding.FIRST_DELIVERY : Finding.NOTHING;
  }

  /** A connected vehicle starts being watched now (a new one has had no chance to be heard). */
  public void watch(String vehicleId) {
    lastHeard.putIfAbsent(vehicleId, clock.instant());
  }

  public void forget(String vehicleId) {
    lastHeard.remove(vehicleId);
  }

  /** The connected vehicles heard from longer than the staleness ago; each is reset to now. */
  public List<String> stale(Set<String> connected) {
    Instant now = clock.instant();
    List<String> stale = new ArrayList<>();
    for (String id : connected) {
      Instant heard = lastHeard.computeIfAbsent(id, k -> now);
      if (Duration.between(heard, now).compareTo(staleness) > 0) {
        stale.add(id);
        lastHeard.put(id, now); // asked once per staleness period, not on every tick
      }
    }
    return stale;
  }

  private static boolean firstDelivery(VehicleEvent event) {
    for (Trigger t : event.getTriggers()) {
      if (t.getType() != null && t.getType().equalsIgnoreCase("FIRST_DELIVERY")) {
        return true;
      }
    }
    return false;
  }
}
