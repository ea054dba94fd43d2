package io.smartcarpipeline.launcher.demo;

import io.smartcarpipeline.sim.fleet.FleetStats;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The demo's one-line summary, from the fleet's counters and what the pipeline wrote. */
final class DemoSummary {

  private long lastAccepted;
  private long lastNanos = System.nanoTime();

  /** The line for now; events/s is measured since the previous line. */
  String line(Demo demo) {
    FleetStats fleet = demo.fleet().stats();
    DemoMonitor.Snapshot seen = demo.monitor().snapshot();
    long now = System.nanoTime();
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    double rate = (fleet.accepted() - lastAccepted) / seconds;
    lastAccepted = fleet.accepted();
    lastNanos = now;
    return String.format(
        Locale.ROOT,
        "webhooks accepted=%d rejected=%d retried=%d dropped=%d | %.0f events/s | vehicles=%d"
            + " | sessions active=%d completed=%d energy=%.1f kWh | commands sent=%d %s | sim time %s",
        fleet.accepted(),
        fleet.rejected() + fleet.failed(),
        fleet.retried(),
        fleet.dropped(),
        rate,
        seen.vehicles(),
        seen.activeSessions(),
        seen.completedSessions(),
        seen.kwh(),
        demo.orchestrator().commandsSent(),
        results(demo.orchestrator().resultsByStatus()),
        fleet.simulatedTime().toString().substring(0, 16).replace('T', ' '));
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
