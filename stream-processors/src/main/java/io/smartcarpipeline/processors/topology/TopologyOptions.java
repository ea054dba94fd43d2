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
 */
public record TopologyOptions(
    Duration dedupRetention,
    SessionRules sessionRules,
    Duration sessionCheckInterval,
    int historyPerVehicle) {

  public TopologyOptions {
    if (dedupRetention.isNegative() || dedupRetention.isZero()) {
      throw new IllegalArgumentException("dedupRetention must be positive");
    }
    if (historyPerVehicle < 1) {
      throw new IllegalArgumentException("historyPerVehicle must be >= 1");
    }
  }

  /** 7 days dedup, default session rules, a check every minute, 100 sessions per vehicle. */
  public static TopologyOptions defaults() {
    return new TopologyOptions(
        Duration.ofDays(7), SessionRules.defaults(), Duration.ofMinutes(1), 100);
  }
}
