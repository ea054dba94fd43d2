package io.smartcarpipeline.sim.fleet;

import java.time.Instant;
import java.util.Locale;

/**
 * A consistent-enough snapshot of the fleet's delivery counters.
 *
 * @param events distinct events generated (VEHICLE_STATE and VEHICLE_ERROR)
 * @param sent HTTP attempts made (first attempts, retries and duplicates)
 * @param accepted attempts answered 2xx
 * @param rejected attempts answered non-2xx
 * @param failed attempts that timed out or could not connect
 * @param retried attempts scheduled again after a failure (at 25 s, 50 s, 100 s simulated)
 * @param dropped deliveries given up after the fourth failed attempt
 * @param duplicatesSent extra deliveries of an event already being delivered (same eventId)
 * @param pending deliveries in flight or waiting (queue and retry timers)
 * @param simulatedTime the fleet's simulated now
 */
public record FleetStats(
    long events,
    long sent,
    long accepted,
    long rejected,
    long failed,
    long retried,
    long dropped,
    long duplicatesSent,
    long pending,
    Instant simulatedTime) {

  /** One line for logs and the runner's summary. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "sim_time=%s events=%d sent=%d accepted=%d rejected=%d failed=%d retried=%d dropped=%d"
            + " duplicates=%d pending=%d",
        simulatedTime,
        events,
        sent,
        accepted,
        rejected,
        failed,
        retried,
        dropped,
        duplicatesSent,
        pending);
  }
}
