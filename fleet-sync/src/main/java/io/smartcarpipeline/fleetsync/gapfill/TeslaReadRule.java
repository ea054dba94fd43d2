package io.smartcarpipeline.fleetsync.gapfill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tesla's rule for streaming-capable vehicles without a virtual key (docs/smartcar-v3.md §7): at
 * most one data request every 8 hours per vehicle. Rule: a read of such a vehicle is allowed only
 * when no read of it was <em>sent</em> in the last 8 hours and {@link #MARGIN}; whatever asked for
 * it (new connection, outage, staleness, an operator) gets the same answer. A read counts when it
 * is sent, whatever came back, since Smartcar counts requests, not successes. Other vehicles are
 * never held here. Plain Java with an injected clock; not thread-safe (one Vert.x context).
 */
public final class TeslaReadRule {

  /** Smartcar's window: one data request per this much time. */
  public static final Duration WINDOW = Duration.ofHours(8);

  /**
   * Added to the window: our clock and Smartcar's are not the same, and a request takes time to
   * arrive. Without it, a read sent at 7:56 by Smartcar's clock is refused (seen in
   * GapFillTeslaIT).
   */
  public static final Duration MARGIN = Duration.ofMinutes(15);

  private final Clock clock;
  private final Map<String, Instant> lastRead = new HashMap<>();

  public TeslaReadRule(Clock clock) {
    this.clock = clock;
  }

  /** Empty when the vehicle may be read now, else when it may next be read. */
  public Optional<Instant> notBefore(String vehicleId, VehicleProfile profile) {
    if (!profile.limitedToOneReadPer8Hours()) {
      return Optional.empty();
    }
    Instant last = lastRead.get(vehicleId);
    if (last == null) {
      return Optional.empty();
    }
    Instant next = last.plus(WINDOW).plus(MARGIN);
    return clock.instant().isBefore(next) ? Optional.of(next) : Optional.empty();
  }

  /** A data read of the vehicle is being sent now. */
  public void sent(String vehicleId) {
    lastRead.put(vehicleId, clock.instant());
  }

  /**
   * A read of the vehicle sent at {@code at} by an earlier run of this service (restored from its
   * published API reads), so a restart does not grant a fresh read.
   */
  public void restore(String vehicleId, Instant at) {
    lastRead.merge(vehicleId, at, (a, b) -> a.isAfter(b) ? a : b);
  }
}
