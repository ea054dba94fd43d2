package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.processors.domain.charging.SessionRules;
import java.time.Duration;

/**
 * What the topology needs besides topics and serdes.
 *
 * @param dedupRetention how long an eventId is remembered for deduplication
 * @param sessionRules charging-session timing rules
 * @param sessionCheckInterval how often the wall-clock punctuator looks for silent sessions
 * @param historyPerVehicle how many sessions per vehicle the query store keeps
 * @param commandsPerVehicle how many command results per vehicle the query store keeps
 * @param socPointsPerVehicle how many SoC points per vehicle the chart store keeps
 */
public record TopologyOptions(
    Duration dedupRetention,
    SessionRules sessionRules,
    Duration sessionCheckInterval,
    int historyPerVehicle,
    int commandsPerVehicle,
    int socPointsPerVehicle) {

  public TopologyOptions {
    if (dedupRetention.isNegative() || dedupRetention.isZero()) {
      throw new IllegalArgumentException("dedupRetention must be positive");
    }
    if (historyPerVehicle < 1) {
      throw new IllegalArgumentException("historyPerVehicle must be >= 1");
    }
    if (commandsPerVehicle < 1) {
      throw new IllegalArgumentException("commandsPerVehicle must be >= 1");
    }
    if (socPointsPerVehicle < 1) {
      throw new IllegalArgumentException("socPointsPerVehicle must be >= 1");
    }
  }

  /**
   * 7 days dedup, default session rules, a check every minute, 100 sessions, 20 command results and
   * 360 SoC points per vehicle.
   */
  public static TopologyOptions defaults() {
    return new TopologyOptions(
        Duration.ofDays(7), SessionRules.defaults(), Duration.ofMinutes(1), 100, 20, 360);
  }
}
