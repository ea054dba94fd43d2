package io.smartcarpipeline.processors.domain.charging;

import io.smartcarpipeline.processors.domain.SignalCodes;
import java.util.function.Predicate;

/**
 * Applies non-edge readings (energy counter, SoC, power, limit, capacity, location, charger) to a
 * vehicle's context and to a session, and starts new drafts from that context. Location and home
 * flag describe the session's start, so they are taken once; the rest follow the newest reading.
 */
final class Measurements {

  private Measurements() {}

  /** A new draft that begins at {@code at}, seeded with what is known about the vehicle. */
  static SessionDraft newDraft(ChargingTracker t, Long pluggedInAt, long at) {
    SessionDraft d = new SessionDraft();
    d.pluggedInAt = pluggedInAt;
    d.updatedAt = at;
    d.startSoc = t.soc;
    d.endSoc = t.soc;
    d.capacityKwh = t.capacityKwh;
    d.chargeLimit = t.chargeLimit;
    d.location = t.location;
    d.atHome = t.atHome;
    d.fastCharger = t.fastCharger;
    d.fastChargerType = t.fastChargerType;
    d.connectorType = t.connectorType;
    d.energy.last = t.lastEnergyKwh;
    d.energy.lastAt = t.lastEnergyAt;
    return d;
  }

  /** Applies {@code r} when {@code accept} says so (used for late corrections). */
  static void apply(SessionDraft s, ChargingTracker t, Reading<?> r, Predicate<Reading<?>> accept) {
    if (r != null && accept.test(r)) {
      apply(s, t, r);
    }
  }

  /** Applies one reading to the context and, when {@code s} is not null, to the session. */
  static void apply(SessionDraft s, ChargingTracker t, Reading<?> r) {
    switch (r.code()) {
      case SignalCodes.ENERGY_ADDED -> energy(s, t, (Double) r.value(), r.at());
      case SignalCodes.STATE_OF_CHARGE -> soc(s, t, (Double) r.value(), r.at());
      case SignalCodes.WATTAGE -> {
        double kw = (Double) r.value();
        if (s != null && (s.peakPowerKw == null || kw > s.peakPowerKw)) {
          s.peakPowerKw = kw;
        }
      }
      case SignalCodes.NOMINAL_CAPACITY -> {
        t.capacityKwh = (Double) r.value();
        if (s != null) {
          s.capacityKwh = t.capacityKwh;
        }
      }
      case SignalCodes.CHARGE_LIMITS -> {
        t.chargeLimit = (Double) r.value();
        if (s != null) {
          s.chargeLimit = t.chargeLimit;
        }
      }
      case SignalCodes.DETAILED_CHARGING_STATUS -> t.lastStatus = (String) r.value();
      default -> context(s, t, r);
    }
  }

  private static void context(SessionDraft s, ChargingTracker t, Reading<?> r) {
    switch (r.code()) {
      case SignalCodes.PRECISE_LOCATION -> {
        t.location = (Place) r.value();
        if (s != null && s.location == null) {
          s.location = t.location;
        }
      }
      case SignalCodes.IS_AT_HOME -> {
        t.atHome = (Boolean) r.value();
        if (s != null && s.atHome == null) {
          s.atHome = t.atHome;
        }
      }
      case SignalCodes.FAST_CHARGER_PRESENT -> {
        t.fastCharger = (Boolean) r.value();
        if (s != null) {
          s.fastCharger = t.fastCharger;
        }
      }
      case SignalCodes.FAST_CHARGER_TYPE -> {
        t.fastChargerType = (String) r.value();
        if (s != null) {
          s.fastChargerType = t.fastChargerType;
        }
      }
      case SignalCodes.CONNECTOR_TYPE -> {
        t.connectorType = (String) r.value();
        if (s != null) {
          s.connectorType = t.connectorType;
        }
      }
      default -> {}
    }
  }

  private static void energy(SessionDraft s, ChargingTracker t, double kwh, long at) {
    if (t.lastEnergyAt == null || at > t.lastEnergyAt) {
      t.lastEnergyKwh = kwh;
      t.lastEnergyAt = at;
    }
    if (s == null) {
      return;
    }
    if (s.startedAt == null && s.energy.rises(kwh, at)) {
      // the counter moves while plugged in: the car charges even if no charging flag said so
      s.startedAt =
          s.pluggedInAt == null ? s.energy.lastAt : Math.max(s.energy.lastAt, s.pluggedInAt);
    }
    s.energy.reading(kwh, at, s.countFrom());
  }

  private static void soc(SessionDraft s, ChargingTracker t, double percent, long at) {
    t.soc = percent;
    if (s == null) {
      return;
    }
    if (s.startSoc == null) {
      s.startSoc = percent;
    }
    if (s.endSocAt == null || at > s.endSocAt) {
      s.endSoc = percent;
      s.endSocAt = at;
    }
  }
}
