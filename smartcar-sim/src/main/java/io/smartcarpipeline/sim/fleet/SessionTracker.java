package io.smartcarpipeline.sim.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows one vehicle's readings step by step and cuts them into charging sessions: plug-in opens a
 * candidate, the first reading that says charging makes it a session, unplugging closes it (as
 * {@code FULLY_CHARGED} if the car had reached its limit, else {@code UNPLUGGED}); a plug-in
 * without charging is not a session. Plain Java, not thread-safe (the ledger guards it).
 */
final class SessionTracker {

  private final VehicleProfile profile;
  private final List<ChargingSessionTruth> closed = new ArrayList<>();
  private Instant pluggedAt;
  private Instant startedAt;
  private double startSoc;
  private double endSoc;
  private double energyKwh;
  private boolean fast;
  private boolean home;
  private String lastStatus;

  SessionTracker(VehicleProfile profile) {
    this.profile = profile;
  }

  void observe(Readings r, Instant now) {
    if (r.pluggedIn() && pluggedAt == null) {
      pluggedAt = now;
      startedAt = null;
      fast = r.fastCharger();
      home = r.atHome();
    }
    if (pluggedAt == null) {
      return;
    }
    if (!r.pluggedIn()) {
      if (startedAt != null) {
        // the step that unplugs may still have charged before the cable came out
        endSoc = r.soc();
        energyKwh = Math.max(energyKwh, r.energyAddedKwh());
        String reason = "FULLY_CHARGED".equals(lastStatus) ? "FULLY_CHARGED" : "UNPLUGGED";
        closed.add(session(now, "COMPLETED", reason));
      }
      pluggedAt = null;
      startedAt = null;
      return;
    }
    if (r.charging() && startedAt == null) {
      startedAt = now;
      startSoc = r.soc();
    }
    endSoc = r.soc();
    energyKwh = r.energyAddedKwh();
    lastStatus = r.detailedChargingStatus();
  }

  /** Closed sessions, then the open one (if charging has started). */
  List<ChargingSessionTruth> sessions() {
    List<ChargingSessionTruth> out = new ArrayList<>(closed);
    if (pluggedAt != null && startedAt != null) {
      out.add(session(null, "ACTIVE", null));
    }
    return out;
  }

  private ChargingSessionTruth session(Instant endedAt, String status, String reason) {
    return new ChargingSessionTruth(
        profile.vehicleId(),
        closed.size() + 1,
        pluggedAt,
        startedAt,
        endedAt,
        startSoc,
        endSoc,
        energyKwh,
        fast,
        home,
        profile.estimatesEnergy(),
        status,
        reason);
  }
}
