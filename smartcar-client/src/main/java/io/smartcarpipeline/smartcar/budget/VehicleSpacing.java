package io.smartcarpipeline.smartcar.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a minimum gap between two calls for the same vehicle, so one car's commands and retries
 * cannot hammer its OEM (per-vehicle limits are Smartcar's and cannot be raised, §5.3). Vehicles
 * with no call inside the gap are forgotten. Not thread-safe (event-loop use).
 */
public final class VehicleSpacing {

  private final Clock clock;
  private final Duration gap;
  private final Map<String, Instant> nextAllowed = new HashMap<>();

  public VehicleSpacing(Clock clock, Duration gap) {
    if (gap.isNegative()) {
      throw new IllegalArgumentException("vehicle spacing must not be negative");
    }
    this.clock = clock;
    this.gap = gap;
  }

  /** How long the vehicle must still wait; zero when a call may go now. */
  public Duration waitFor(String vehicleId) {
    Instant next = nextAllowed.get(vehicleId);
    Instant now = clock.instant();
    if (next == null || !now.isBefore(next)) {
      return Duration.ZERO;
    }
    return Duration.between(now, next);
  }

  /** A call for the vehicle starts now; {@code notBefore} may push the next one further. */
  public void called(String vehicleId, Instant notBefore) {
    Instant next = clock.instant().plus(gap);
    if (notBefore != null && notBefore.isAfter(next)) {
      next = notBefore;
    }
    nextAllowed.put(vehicleId, next);
    if (nextAllowed.size() > 10_000) {
      Instant now = clock.instant();
      nextAllowed.values().removeIf(t -> !t.isAfter(now));
    }
  }
}
