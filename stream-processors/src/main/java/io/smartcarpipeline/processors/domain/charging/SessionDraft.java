package io.smartcarpipeline.processors.domain.charging;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.EnergySource;
import io.smartcarpipeline.events.SessionEndReason;
import io.smartcarpipeline.events.SessionStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The aggregates of one plug-in while it is tracked: segments and time charging, SoC, energy, power
 * and the context at start. Plain mutable data owned by {@link ChargingSessionMachine}; it renders
 * itself as a {@link ChargingSession} record.
 */
public final class SessionDraft {

  public String sessionId;
  public Long pluggedInAt;
  public Long startedAt;
  public Long endedAt;
  public long updatedAt;
  public boolean real;
  public int revision;
  public SessionStatus status = SessionStatus.ACTIVE;
  public SessionEndReason endReason;

  public boolean charging;
  public Long segmentStart;
  public long chargingMillis;
  public int segments;
  public Long stoppedAt;
  public String stopStatus;

  public Double startSoc;
  public Double endSoc;
  public Long endSocAt;
  public Double capacityKwh;
  public EnergyMeter energy = new EnergyMeter();
  public Double peakPowerKw;
  public Double chargeLimit;
  public Place location;
  public Boolean atHome;
  public Boolean fastCharger;
  public String fastChargerType;
  public String connectorType;
  public String lastEmitted;

  /**
   * Source time from which energy readings belong to this session: charging start. Before it,
   * readings are the baseline.
   */
  long countFrom() {
    return startedAt != null ? startedAt : Long.MAX_VALUE;
  }

  /** Energy in kWh, measured when the counter was read in-session, else estimated, else null. */
  Double energyKwh() {
    if (energy.measured) {
      return energy.accumulatedKwh;
    }
    if (capacityKwh != null && startSoc != null && endSoc != null) {
      return Math.max(0.0, endSoc - startSoc) * capacityKwh / 100.0;
    }
    return null;
  }

  EnergySource energySource() {
    if (energy.measured) {
      return EnergySource.MEASURED;
    }
    return energyKwh() == null ? EnergySource.UNKNOWN : EnergySource.ESTIMATED;
  }

  long chargingMillisUntil(long at) {
    return chargingMillis + (charging && segmentStart != null ? Math.max(0, at - segmentStart) : 0);
  }

  /** What an ACTIVE record would say, minus the clock: a change here is worth a record. */
  String fingerprint() {
    Double e = energyKwh();
    return String.join(
        "|",
        String.valueOf(status),
        String.valueOf(charging),
        String.valueOf(segments),
        e == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f", e),
        String.valueOf(endSoc),
        String.valueOf(peakPowerKw),
        String.valueOf(chargeLimit),
        String.valueOf(endedAt));
  }

  /** The record for this draft at its current revision. */
  ChargingSession toRecord(String vehicleId, String userId) {
    long end = endedAt != null ? endedAt : updatedAt;
    long start = Objects.requireNonNullElse(startedAt, end);
    long chargingMs = chargingMillisUntil(end);
    Double energyKwh = energyKwh();
    Double avg =
        energyKwh != null && chargingMs > 0 ? energyKwh / (chargingMs / 3_600_000.0) : null;
    return ChargingSession.newBuilder()
        .setSessionId(sessionId)
        .setVehicleId(vehicleId)
        .setUserId(userId)
        .setStatus(status)
        .setEndReason(endReason)
        .setRevision(revision)
        .setStartedAt(Instant.ofEpochMilli(start))
        .setEndedAt(endedAt == null ? null : Instant.ofEpochMilli(endedAt))
        .setPluggedInAt(pluggedInAt == null ? null : Instant.ofEpochMilli(pluggedInAt))
        .setStartSoc(startSoc)
        .setEndSoc(endSoc)
        .setDurationSeconds(Math.max(0, end - start) / 1000)
        .setChargingSeconds(chargingMs / 1000)
        .setSegments(Math.max(segments, 1))
        .setEnergyKwh(energyKwh)
        .setEnergySource(energySource())
        .setPeakPowerKw(peakPowerKw)
        .setAveragePowerKw(avg)
        .setChargeLimit(chargeLimit)
        .setLocation(location == null ? null : location.toAvro())
        .setIsAtHome(atHome)
        .setFastCharger(fastCharger)
        .setFastChargerType(fastChargerType)
        .setConnectorType(connectorType)
        .setUpdatedAt(Instant.ofEpochMilli(Math.max(updatedAt, end)))
        .build();
  }
}
