package io.smartcarpipeline.fleetsync.gapfill;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reads gap-filling still owes, one per vehicle whatever asked for it, and the rules that hold
 * a read back: Tesla's 8-hour rule ({@link TeslaReadRule}), a per-vehicle Retry-After, an asleep
 * vehicle's back-off. Rule: a vehicle is read at most once per request burst (asking again while a
 * read is owed adds nothing), and a held read stays owed until it is allowed, so triggers never add
 * reads and never get lost. The app budget and breaker are checked later, at the call. Plain Java,
 * injected clock, not thread-safe (one Vert.x context).
 */
public final class ReadQueue {

  /** A read that is owed: the vehicle, why it was first asked for, since when. */
  public record Owed(String vehicleId, ReadReason reason, Instant since) {}

  private final Clock clock;
  private final TeslaReadRule tesla;
  private final Map<String, Owed> owed = new LinkedHashMap<>();
  private final Map<String, Instant> heldUntil = new LinkedHashMap<>();

  public ReadQueue(Clock clock, TeslaReadRule tesla) {
    this.clock = clock;
    this.tesla = tesla;
  }

  /** Asks for a read of the vehicle; true when it was not owed yet. */
  public boolean request(String vehicleId, ReadReason reason) {
    return owed.putIfAbsent(vehicleId, new Owed(vehicleId, reason, clock.instant())) == null;
  }

  /** The vehicle must not be read before {@code until} (Retry-After, asleep). */
  public void hold(String vehicleId, Instant until) {
    heldUntil.merge(vehicleId, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** The vehicle is gone (disconnected): nothing is owed to it any more. */
  public void forget(String vehicleId) {
    owed.remove(vehicleId);
    heldUntil.remove(vehicleId);
  }

  /**
   * The owed reads that may go now, oldest first, at most {@code max}; they leave the queue and the
   * Tesla rule counts them as sent, so the caller must send them (or {@link #request} again).
   */
  public List<Owed> takeDue(int max, Function<String, VehicleProfile> profiles) {
    Instant now = clock.instant();
    List<Owed> due = new ArrayList<>();
    for (Owed read : List.copyOf(owed.values())) {
      if (due.size() >= max) {
        break;
      }
      String id = read.vehicleId();
      Instant held = heldUntil.get(id);
      if (held != null && now.isBefore(held)) {
        continue;
      }
      heldUntil.remove(id);
      if (tesla.notBefore(id, profiles.apply(id)).isPresent()) {
        continue;
      }
      owed.remove(id);
      tesla.sent(id);
      due.add(read);
    }
    return due;
  }

  /** When the vehicle's owed read may go at the earliest, if one is owed. */
  public Optional<Instant> nextAllowed(String vehicleId, VehicleProfile profile) {
    if (!owed.containsKey(vehicleId)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant held = heldUntil.get(vehicleId);
    Instant at = held != null && held.isAfter(now) ? held : now;
    Instant tesla8h = tesla.notBefore(vehicleId, profile).orElse(at);
    return Optional.of(tesla8h.isAfter(at) ? tesla8h : at);
  }

  public int size() {
    return owed.size();
  }
}
