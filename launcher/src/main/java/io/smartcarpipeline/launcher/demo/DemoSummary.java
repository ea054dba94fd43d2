package io.smartcarpipeline.launcher.demo;

import io.smartcarpipeline.sim.fleet.FleetStats;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo's one-line summary, from the fleet's counters and what the pipeline wrote. A live line
 * gives the rate since the previous line; the final line gives the totals and the average rate of
 * the whole run.
 */
final class DemoSummary {

  private final EventRate rate;

  /** A summary of a run whose fleet started at {@code startNanos} ({@link System#nanoTime()}). */
  DemoSummary(long startNanos) {
    this.rate = new EventRate(startNanos);
  }

  /** The live line for now; events/s is measured since the previous line. */
  String line(Demo demo) {
    FleetStats fleet = demo.fleetStats();
    String events =
        String.format(Locale.ROOT, "%.0f events/s", rate.sinceLast(fleet.accepted(), now()));
    return line(demo, fleet, events);
  }

  /**
   * The line for the whole run, once the demo has stopped at {@code endNanos}: totals, and events/s
   * as everything accepted over the run's seconds.
   */
  String finalLine(Demo demo, long endNanos) {
    FleetStats fleet = demo.fleetStats();
    String events =
        String.format(
            Locale.ROOT,
            "%.1f events/s over %.0f s",
            rate.overall(fleet.accepted(), endNanos),
            rate.elapsedSeconds(endNanos));
    return line(demo, fleet, events);
  }

  private static String line(Demo demo, FleetStats fleet, String events) {
    DemoMonitor.Snapshot seen = demo.monitor().snapshot();
    return String.format(
        Locale.ROOT,
        "webhooks accepted=%d rejected=%d retried=%d dropped=%d | %s | vehicles=%d"
            + " | sessions active=%d completed=%d energy=%.1f kWh | commands sent=%d %s | sim time %s",
        fleet.accepted(),
        fleet.rejected() + fleet.failed(),
        fleet.retried(),
        fleet.dropped(),
        events,
        seen.vehicles(),
        seen.activeSessions(),
        seen.completedSessions(),
        seen.kwh(),
        demo.orchestrator().commandsSent(),
        results(demo.orchestrator().resultsByStatus()),
        fleet.simulatedTime().toString().substring(0, 16).replace('T', ' '));
  }

  private static long now() {
    return System.nanoTime();
  }

  private static String results(Map<String, Long> byStatus) {
    if (byStatus.isEmpty()) {
      return "(no results yet)";
    }
    return byStatus.entrySet().stream()
        .map(e -> e.getKey().toLowerCase(Locale.ROOT) + "=" + e.getValue())
        .collect(Collectors.joining(" ", "(", ")"));
  }
}
