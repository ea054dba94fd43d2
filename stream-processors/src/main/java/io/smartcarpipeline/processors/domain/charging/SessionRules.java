package io.smartcarpipeline.processors.domain.charging;

import java.time.Duration;

/**
 * The timing rules of charging sessions (see DESIGN.md).
 *
 * @param stopGap for vehicles without a plug signal: a session ends when charging stopped and did
 *     not resume within this gap
 * @param inactivityTimeout a session with no data for this long (wall clock) is closed TIMED_OUT
 * @param correctionGrace how long after a session closed a late reading may still correct it
 */
public record SessionRules(Duration stopGap, Duration inactivityTimeout, Duration correctionGrace) {

  public SessionRules {
    for (Duration d : new Duration[] {stopGap, inactivityTimeout, correctionGrace}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("session durations must be positive");
      }
    }
  }

  /** 30 min stop gap, 6 h inactivity timeout, 2 h correction grace. */
  public static SessionRules defaults() {
    return new SessionRules(Duration.ofMinutes(30), Duration.ofHours(6), Duration.ofHours(2));
  }
}
