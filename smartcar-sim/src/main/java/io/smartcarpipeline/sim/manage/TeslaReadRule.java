package io.smartcarpipeline.sim.manage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tesla's rule for a streaming-capable vehicle without the application's virtual key
 * (docs/smartcar-v3.md §7): one data read per 8 hours of simulated time. A read inside the window
 * is refused (the caller answers 429 {@code RATE_LIMIT:VEHICLE} with {@code Retry-After}) and
 * counted as a violation, so a test can prove a client never tripped it. Plain Java, thread-safe.
 *
 * <p>Rules: only a read that was answered with data starts a window ({@link #recordRead}); a
 * refused read does not extend it.
 */
public final class TeslaReadRule {

  /** Tesla's window. */
  public static final Duration WINDOW = Duration.ofHours(8);

  private final Map<String, Instant> lastRead = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> violations = new ConcurrentHashMap<>();
  private final AtomicLong totalViolations = new AtomicLong();

  /**
   * Seconds until this vehicle may be read again, or 0 if a read is allowed now; a refusal counts
   * as a violation.
   */
  public long check(String vehicleId, Instant now) {
    Instant last = lastRead.get(vehicleId);
    if (last == null) {
      return 0;
    }
    Instant allowedAt = last.plus(WINDOW);
    if (!now.isBefore(allowedAt)) {
      return 0;
    }
    violations.computeIfAbsent(vehicleId, v -> new AtomicLong()).incrementAndGet();
    totalViolations.incrementAndGet();
    return Math.max(1, (Duration.between(now, allowedAt).toMillis() + 999) / 1000);
  }

  /** A read of this vehicle was answered with data at {@code now}. */
  public void recordRead(String vehicleId, Instant now) {
    lastRead.put(vehicleId, now);
  }

  /** Refused reads of this vehicle so far. */
  public long violations(String vehicleId) {
    AtomicLong n = violations.get(vehicleId);
    return n == null ? 0 : n.get();
  }

  /** Refused reads of every vehicle so far. */
  public long violations() {
    return totalViolations.get();
  }

  /** Refused reads by vehicle id. */
  public Map<String, Long> violationsByVehicle() {
    Map<String, Long> out = new java.util.TreeMap<>();
    violations.forEach((id, n) -> out.put(id, n.get()));
    return out;
  }

  /** Forgets a disconnected vehicle's last read. */
  public void forget(String vehicleId) {
    lastRead.remove(vehicleId);
  }
}
