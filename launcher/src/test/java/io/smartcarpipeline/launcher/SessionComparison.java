package io.smartcarpipeline.launcher;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.sim.fleet.ChargingSessionTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Matches the sim's true charging sessions with the pipeline's (the newest revision of each session
 * on the sessions topic) and says what differs. Rules:
 *
 * <ul>
 *   <li>a true session matches the pipeline session of the same vehicle whose {@code startedAt} is
 *       closest to its {@code chargingStartedAt}, at most {@link #START_SLACK} away (one step);
 *   <li>a COMPLETED true session must be COMPLETED in the pipeline with the same end reason and an
 *       energy within {@link #ENERGY_SHARE} of the true energy (never closer than {@link
 *       #ENERGY_RESOLUTION_KWH}, the resolution the sim reports the counter in);
 *   <li>an ACTIVE true session is compared only when it is comparable: measured (the energy counter
 *       is a trigger signal, so its every change was sent) and at least {@link #ACTIVE_MIN_KWH};
 *   <li>every pipeline session matches some true session: the pipeline invents none.
 * </ul>
 */
final class SessionComparison {

  static final Duration START_SLACK = Duration.ofMinutes(1);
  static final double ENERGY_SHARE = 0.02;
  static final double ENERGY_RESOLUTION_KWH = 0.005;
  static final double ACTIVE_MIN_KWH = 0.5;

  /** One true session compared with its match. */
  record Compared(ChargingSessionTruth truth, ChargingSession session, double errorShare) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s#%d %s/%s %s%s truth=%.3fkWh soc=%.1f-%.1f pipeline=%.3fkWh soc=%s-%s %s/%s"
              + " error=%.3f%%",
          truth.vehicleId(),
          truth.number(),
          truth.status(),
          truth.endReason(),
          truth.estimated() ? "estimated" : "measured",
          truth.fastCharger() ? " DC" : "",
          truth.energyKwh(),
          truth.startSoc(),
          truth.endSoc(),
          session.getEnergyKwh(),
          session.getStartSoc(),
          session.getEndSoc(),
          session.getStatus(),
          session.getEndReason(),
          errorShare * 100);
    }
  }

  final List<Compared> compared = new ArrayList<>();
  final List<String> problems = new ArrayList<>();

  /**
   * @param truth the ledger's sessions by vehicle id
   * @param pipeline the newest record of every pipeline session, by vehicle id
   */
  static SessionComparison of(
      Map<String, List<ChargingSessionTruth>> truth, Map<String, List<ChargingSession>> pipeline) {
    SessionComparison c = new SessionComparison();
    truth.forEach(
        (vehicleId, sessions) ->
            sessions.forEach(t -> c.compare(t, pipeline.getOrDefault(vehicleId, List.of()))));
    pipeline.forEach(
        (vehicleId, sessions) ->
            sessions.forEach(s -> c.checkInvented(s, truth.getOrDefault(vehicleId, List.of()))));
    return c;
  }

  private void compare(ChargingSessionTruth t, List<ChargingSession> candidates) {
    boolean completed = "COMPLETED".equals(t.status());
    if (!completed && (t.estimated() || t.energyKwh() < ACTIVE_MIN_KWH)) {
      return;
    }
    Optional<ChargingSession> match =
        candidates.stream()
            .filter(s -> within(s.getStartedAt(), t.chargingStartedAt()))
            .min(Comparator.comparing(s -> distance(s.getStartedAt(), t.chargingStartedAt())));
    if (match.isEmpty()) {
      problems.add(label(t) + ": no pipeline session starts near " + t.chargingStartedAt());
      return;
    }
    ChargingSession s = match.get();
    if (s.getEnergyKwh() == null) {
      problems.add(label(t) + ": pipeline session " + s.getSessionId() + " has no energy");
      return;
    }
    double diff = Math.abs(s.getEnergyKwh() - t.energyKwh());
    Compared one = new Compared(t, s, t.energyKwh() == 0 ? diff : diff / t.energyKwh());
    compared.add(one);
    if (diff > Math.max(ENERGY_SHARE * t.energyKwh(), ENERGY_RESOLUTION_KWH)) {
      problems.add("energy off by more than 2%: " + one);
    }
    if (completed && s.getStatus() != SessionStatus.COMPLETED) {
      problems.add(label(t) + ": pipeline session " + s.getSessionId() + " is " + s.getStatus());
    }
    if (completed && (s.getEndReason() == null || !s.getEndReason().name().equals(t.endReason()))) {
      problems.add(label(t) + ": end reason " + s.getEndReason() + ", sim says " + t.endReason());
    }
  }

  private void checkInvented(ChargingSession s, List<ChargingSessionTruth> truth) {
    if (truth.stream().noneMatch(t -> within(s.getStartedAt(), t.chargingStartedAt()))) {
      problems.add(
          "pipeline session "
              + s.getSessionId()
              + " ("
              + s.getStatus()
              + ", "
              + s.getEnergyKwh()
              + " kWh) has no true session; sim sessions start at "
              + truth.stream().map(ChargingSessionTruth::chargingStartedAt).toList());
    }
  }

  private static boolean within(Instant a, Instant b) {
    return distance(a, b).compareTo(START_SLACK) <= 0;
  }

  private static Duration distance(Instant a, Instant b) {
    return Duration.between(a, b).abs();
  }

  private static String label(ChargingSessionTruth t) {
    return t.vehicleId() + "#" + t.number() + " (" + t.status() + ", " + t.energyKwh() + " kWh)";
  }
}
