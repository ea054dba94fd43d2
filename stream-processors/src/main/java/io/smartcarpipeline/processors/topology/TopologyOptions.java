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
 * @param confirmationWindow how long a succeeded command waits for the car's evidence
 * @param confirmationCheckInterval how often the wall-clock punctuator ends windows
 * @param includeTestMode whether {@code meta.mode} TEST deliveries change state, sessions and
 *     confirmations (they always stay on the events and signals topics)
 */
public record TopologyOptions(
    Duration dedupRetention,
    SessionRules sessionRules,
    Duration sessionCheckInterval,
    int historyPerVehicle,
    int commandsPerVehicle,
    int socPointsPerVehicle,
    Duration confirmationWindow,
    Duration confirmationCheckInterval,
    boolean includeTestMode) {

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
    if (notPositive(confirmationWindow) || notPositive(confirmationCheckInterval)) {
      throw new IllegalArgumentException(
          "confirmationWindow and confirmationCheckInterval must be positive");
    }
  }

  /**
   * 7 days dedup, default session rules, a check every minute, 100 sessions, 20 command results and
   * 360 SoC points per vehicle; a 10-minute confirmation window checked every 10 seconds; TEST
   * deliveries leave state alone.
   */
  public static TopologyOptions defaults() {
    return new TopologyOptions(
        Duration.ofDays(7),
        SessionRules.defaults(),
        Duration.ofMinutes(1),
        100,
        20,
        360,
        Duration.ofMinutes(10),
        Duration.ofSeconds(10),
        false);
  }

  /** These options with another confirmation window and check interval. */
  public TopologyOptions withConfirmation(Duration window, Duration checkInterval) {
    return new TopologyOptions(
        dedupRetention,
        sessionRules,
        sessionCheckInterval,
        historyPerVehicle,
        commandsPerVehicle,
        socPointsPerVehicle,
        window,
        checkInterval,
        includeTestMode);
  }

  /** These options with TEST deliveries included or not. */
  public TopologyOptions withTestMode(boolean include) {
    return new TopologyOptions(
        dedupRetention,
        sessionRules,
        sessionCheckInterval,
        historyPerVehicle,
        commandsPerVehicle,
        socPointsPerVehicle,
        confirmationWindow,
        confirmationCheckInterval,
        include);
  }

  private static boolean notPositive(Duration d) {
    return d.isNegative() || d.isZero();
  }
}
