package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.SessionEndReason;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.processors.domain.charging.ChargingTracker;
import io.smartcarpipeline.processors.domain.charging.EnergyMeter;
import io.smartcarpipeline.processors.domain.charging.Place;
import io.smartcarpipeline.processors.domain.charging.SessionDraft;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * The {@code charging-trackers} store format: a version byte, then every field of the tracker (and
 * of its session drafts) in declaration order, via {@link StateBytes}. Binary because JSON cost
 * ~15% of the stream thread's CPU (BENCHMARKS.md, run F). The store was JSON before: a value
 * starting with <code>'{'</code> is still read as JSON, so an older changelog restores. Enums are
 * stored by name. A field added to the tracker must be added here (StoreSerdesTest fails
 * otherwise); bump {@link #VERSION} if old values then read differently.
 */
final class ChargingTrackerSerde {

  static final int VERSION = 1;

  private ChargingTrackerSerde() {}

  static Serde<ChargingTracker> create() {
    return StateBytes.serde(
        ChargingTracker.class,
        t -> write(t, new StateBytes.Writer(256)).toByteArray(),
        ChargingTrackerSerde::read);
  }

  static ChargingTracker read(byte[] bytes) {
    StateBytes.Reader in = new StateBytes.Reader(bytes, 0);
    in.version(VERSION, "charging tracker");
    ChargingTracker t = read(in);
    in.end();
    return t;
  }

  static StateBytes.Writer write(ChargingTracker t, StateBytes.Writer out) {
    out.u8(VERSION).i32(t.lastAt.size());
    for (Map.Entry<String, Long> e : t.lastAt.entrySet()) {
      out.optStr(e.getKey()).optI64(e.getValue());
    }
    out.optStr(t.userId).optBool(t.plugged).optI64(t.pluggedAt);
    out.bool(t.plugSignalSeen).bool(t.chargingSignalSeen);
    out.optF64(t.soc).optF64(t.capacityKwh);
    writePlace(t.location, out);
    out.optBool(t.atHome).optF64(t.chargeLimit).optBool(t.fastCharger);
    out.optStr(t.fastChargerType).optStr(t.connectorType).optStr(t.lastStatus);
    out.optF64(t.lastEnergyKwh).optI64(t.lastEnergyAt);
    out.i64(t.lastSeenWallMs).i64(t.lastClosedEndAt);
    writeDraft(t.open, out);
    writeDraft(t.closed, out);
    return out.i64(t.closedWallMs);
  }

  static ChargingTracker read(StateBytes.Reader in) {
    ChargingTracker t = new ChargingTracker();
    int entries = in.i32();
    t.lastAt = new HashMap<>(Math.max(16, entries * 2));
    for (int i = 0; i < entries; i++) {
      t.lastAt.put(in.optStr(), in.optI64());
    }
    t.userId = in.optStr();
    t.plugged = in.optBool();
    t.pluggedAt = in.optI64();
    t.plugSignalSeen = in.bool();
    t.chargingSignalSeen = in.bool();
    t.soc = in.optF64();
    t.capacityKwh = in.optF64();
    t.location = readPlace(in);
    t.atHome = in.optBool();
    t.chargeLimit = in.optF64();
    t.fastCharger = in.optBool();
    t.fastChargerType = in.optStr();
    t.connectorType = in.optStr();
    t.lastStatus = in.optStr();
    t.lastEnergyKwh = in.optF64();
    t.lastEnergyAt = in.optI64();
    t.lastSeenWallMs = in.i64();
    t.lastClosedEndAt = in.i64();
    t.open = readDraft(in);
    t.closed = readDraft(in);
    t.closedWallMs = in.i64();
    return t;
  }

  private static void writeDraft(SessionDraft d, StateBytes.Writer out) {
    if (!out.present(d)) {
      return;
    }
    out.optStr(d.sessionId).optI64(d.pluggedInAt).optI64(d.startedAt).optI64(d.endedAt);
    out.i64(d.updatedAt).bool(d.real).i32(d.revision);
    out.optStr(d.status == null ? null : d.status.name());
    out.optStr(d.endReason == null ? null : d.endReason.name());
    out.bool(d.charging).optI64(d.segmentStart).i64(d.chargingMillis).i32(d.segments);
    out.optI64(d.stoppedAt).optStr(d.stopStatus);
    out.optF64(d.startSoc).optF64(d.endSoc).optI64(d.endSocAt).optF64(d.capacityKwh);
    writeEnergy(d.energy, out);
    out.optF64(d.peakPowerKw).optF64(d.chargeLimit);
    writePlace(d.location, out);
    out.optBool(d.atHome).optBool(d.fastCharger);
    out.optStr(d.fastChargerType).optStr(d.connectorType).optStr(d.lastEmitted);
  }

  private static SessionDraft readDraft(StateBytes.Reader in) {
    if (!in.bool()) {
      return null;
    }
    SessionDraft d = new SessionDraft();
    d.sessionId = in.optStr();
    d.pluggedInAt = in.optI64();
    d.startedAt = in.optI64();
    d.endedAt = in.optI64();
    d.updatedAt = in.i64();
    d.real = in.bool();
    d.revision = in.i32();
    String status = in.optStr();
    d.status = status == null ? null : SessionStatus.valueOf(status);
    String endReason = in.optStr();
    d.endReason = endReason == null ? null : SessionEndReason.valueOf(endReason);
    d.charging = in.bool();
    d.segmentStart = in.optI64();
    d.chargingMillis = in.i64();
    d.segments = in.i32();
    d.stoppedAt = in.optI64();
    d.stopStatus = in.optStr();
    d.startSoc = in.optF64();
    d.endSoc = in.optF64();
    d.endSocAt = in.optI64();
    d.capacityKwh = in.optF64();
    d.energy = readEnergy(in);
    d.peakPowerKw = in.optF64();
    d.chargeLimit = in.optF64();
    d.location = readPlace(in);
    d.atHome = in.optBool();
    d.fastCharger = in.optBool();
    d.fastChargerType = in.optStr();
    d.connectorType = in.optStr();
    d.lastEmitted = in.optStr();
    return d;
  }

  private static void writeEnergy(EnergyMeter e, StateBytes.Writer out) {
    if (out.present(e)) {
      out.optF64(e.last).optI64(e.lastAt).f64(e.accumulatedKwh).bool(e.measured).i32(e.rebases);
    }
  }

  private static EnergyMeter readEnergy(StateBytes.Reader in) {
    if (!in.bool()) {
      return null;
    }
    EnergyMeter e = new EnergyMeter();
    e.last = in.optF64();
    e.lastAt = in.optI64();
    e.accumulatedKwh = in.f64();
    e.measured = in.bool();
    e.rebases = in.i32();
    return e;
  }

  private static void writePlace(Place p, StateBytes.Writer out) {
    if (out.present(p)) {
      out.f64(p.latitude()).f64(p.longitude()).optF64(p.heading());
      out.optStr(p.direction()).optStr(p.locationType());
    }
  }

  private static Place readPlace(StateBytes.Reader in) {
    if (!in.bool()) {
      return null;
    }
    return new Place(in.f64(), in.f64(), in.optF64(), in.optStr(), in.optStr());
  }
}
