package io.smartcarpipeline.sim.fleet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fleet's record of truth for end-to-end checks: every event the gateway accepted (a 2xx for at
 * least one attempt of it, keyed by {@code eventId}, duplicates counted once), each vehicle's
 * latest accepted value per signal (newest {@code oemUpdatedAt}, then {@code retrievedAt}, as the
 * pipeline orders them), each vehicle's latest generated values, and the charging sessions with the
 * energy really delivered. Thread-safe.
 */
public final class FleetLedger {

  private final Map<String, LedgerEvent> accepted = new ConcurrentHashMap<>();
  private final Map<String, String> generated = new ConcurrentHashMap<>();
  private final Map<String, WebhookEvent> latestGenerated = new ConcurrentHashMap<>();
  private final Map<String, SessionTracker> sessions = new TreeMap<>();
  private final Clock wallClock;

  public FleetLedger(Clock wallClock) {
    this.wallClock = wallClock;
  }

  void generated(WebhookEvent e) {
    generated.put(e.eventId(), e.vehicleId());
    if (e.isVehicleState()) {
      latestGenerated.put(e.vehicleId(), e);
    }
  }

  void accepted(WebhookEvent e) {
    accepted.computeIfAbsent(
        e.eventId(),
        id ->
            new LedgerEvent(
                id,
                e.vehicleId(),
                e.eventType(),
                e.values(),
                e.oemUpdatedAt(),
                e.retrievedAt(),
                e.errors(),
                wallClock.instant()));
  }

  synchronized void observe(VehicleProfile p, Readings r, java.time.Instant now) {
    sessions.computeIfAbsent(p.vehicleId(), id -> new SessionTracker(p)).observe(r, now);
  }

  /** The ids of every event that got a 2xx. */
  public Set<String> acceptedEventIds() {
    return Set.copyOf(accepted.keySet());
  }

  /** Every accepted event, ordered by the time of its first 2xx. */
  public List<LedgerEvent> acceptedEvents() {
    List<LedgerEvent> out = new ArrayList<>(accepted.values());
    out.sort(Comparator.comparing(LedgerEvent::firstAcceptedAt));
    return out;
  }

  public Optional<LedgerEvent> accepted(String eventId) {
    return Optional.ofNullable(accepted.get(eventId));
  }

  /** The ids of every event generated (accepted or not). */
  public Set<String> generatedEventIds() {
    return Set.copyOf(generated.keySet());
  }

  /**
   * What the pipeline's state for this vehicle should hold: per signal code, the body of the
   * accepted VEHICLE_STATE reading with the newest {@code oemUpdatedAt} (ties: newest {@code
   * retrievedAt}).
   */
  public Map<String, Object> latestAcceptedValues(String vehicleId) {
    Map<String, Object> values = new HashMap<>();
    Map<String, long[]> times = new HashMap<>();
    for (LedgerEvent e : accepted.values()) {
      if (!e.vehicleId().equals(vehicleId) || !"VEHICLE_STATE".equals(e.eventType())) {
        continue;
      }
      e.values()
          .forEach(
              (code, body) -> {
                long[] t = {e.oemUpdatedAt().getOrDefault(code, 0L), e.retrievedAt()};
                long[] best = times.get(code);
                if (best == null || t[0] > best[0] || (t[0] == best[0] && t[1] > best[1])) {
                  times.put(code, t);
                  values.put(code, body);
                }
              });
    }
    return new TreeMap<>(values);
  }

  /** The values of the last VEHICLE_STATE generated for this vehicle (sent or not). */
  public Map<String, Object> latestGeneratedValues(String vehicleId) {
    WebhookEvent e = latestGenerated.get(vehicleId);
    return e == null ? Map.of() : new TreeMap<>(e.values());
  }

  /** The last VEHICLE_STATE generated for this vehicle (sent or not), if any. */
  public Optional<WebhookEvent> latestGeneratedEvent(String vehicleId) {
    return Optional.ofNullable(latestGenerated.get(vehicleId));
  }

  /** Every vehicle's charging sessions (closed, then open), by vehicle id. */
  public synchronized Map<String, List<ChargingSessionTruth>> sessions() {
    Map<String, List<ChargingSessionTruth>> out = new LinkedHashMap<>();
    sessions.forEach((id, tracker) -> out.put(id, tracker.sessions()));
    return out;
  }

  /** One vehicle's charging sessions. */
  public synchronized List<ChargingSessionTruth> sessions(String vehicleId) {
    SessionTracker t = sessions.get(vehicleId);
    return t == null ? List.of() : t.sessions();
  }
}
