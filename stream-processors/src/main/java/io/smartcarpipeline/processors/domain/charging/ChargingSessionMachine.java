package io.smartcarpipeline.processors.domain.charging;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.SessionEndReason;
import io.smartcarpipeline.events.SessionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charging-session state machine of one vehicle (rules in DESIGN.md beside this package). A
 * session is one plug-in during which the car charged: plug-in opens a candidate, charging makes it
 * real, pauses and resumes are segments, unplug ends it. Without a plug signal a session ends when
 * charging stopped and did not resume within the stop gap. Readings are applied in source time
 * order and only if newer than the last applied reading of their signal; a late reading inside a
 * closed session's grace window corrects that session's final record instead of opening a new one.
 * Plug-ins without charging or energy never produce a record.
 */
public final class ChargingSessionMachine {

  private static final Logger LOG = LoggerFactory.getLogger(ChargingSessionMachine.class);

  private final SessionRules rules;

  public ChargingSessionMachine(SessionRules rules) {
    this.rules = rules;
  }

  /** Applies one event's readings; returns the records to emit, in order. */
  public List<ChargingSession> onEvent(
      String vehicleId, ChargingTracker t, ChargeObservation o, long nowWallMs) {
    Run run = new Run(vehicleId, t, nowWallMs);
    if (o.userId() != null) {
      t.userId = o.userId();
    }
    t.lastSeenWallMs = nowWallMs;
    List<Reading<?>> fresh = o.all().stream().filter(t::fresh).toList();
    fresh.forEach(r -> t.lastAt.merge(r.code(), r.at(), Math::max));
    Predicate<Reading<?>> late = r -> inGrace(t, nowWallMs) && r.at() <= t.closed.endedAt;
    run.correct(o, r -> r != null && fresh.contains(r) && late.test(r));
    List<Reading<?>> live =
        fresh.stream()
            .filter(late.negate())
            .sorted(Comparator.<Reading<?>>comparingLong(Reading::at).thenComparingInt(Run::rank))
            .toList();
    for (Reading<?> r : live) {
      run.apply(r);
    }
    run.finish();
    return run.out;
  }

  /** The wall-clock check: closes silent sessions and forgets expired grace windows. */
  public List<ChargingSession> onWallClock(String vehicleId, ChargingTracker t, long nowWallMs) {
    Run run = new Run(vehicleId, t, nowWallMs);
    SessionDraft s = t.open;
    long idle = nowWallMs - t.lastSeenWallMs;
    if (s != null) {
      if (!t.plugSignalSeen && !s.charging && s.stoppedAt != null && idle >= ms(rules.stopGap())) {
        run.close(stopReason(s), SessionStatus.COMPLETED, s.stoppedAt);
      } else if (idle >= ms(rules.inactivityTimeout())) {
        run.close(SessionEndReason.TIMED_OUT, SessionStatus.TIMED_OUT, s.updatedAt);
      }
    }
    if (t.closed != null && !inGrace(t, nowWallMs)) {
      t.closed = null;
    }
    return run.out;
  }

  private boolean inGrace(ChargingTracker t, long nowWallMs) {
    return t.closed != null && nowWallMs - t.closedWallMs <= ms(rules.correctionGrace());
  }

  private static long ms(java.time.Duration d) {
    return d.toMillis();
  }

  private static SessionEndReason stopReason(SessionDraft s) {
    return "FULLY_CHARGED".equals(s.stopStatus)
        ? SessionEndReason.FULLY_CHARGED
        : SessionEndReason.STOPPED;
  }

  /** One application of readings to a tracker, collecting the records to emit. */
  private final class Run {
    final String vehicleId;
    final ChargingTracker t;
    final long now;
    final List<ChargingSession> out = new ArrayList<>();

    Run(String vehicleId, ChargingTracker t, long now) {
      this.vehicleId = vehicleId;
      this.t = t;
      this.now = now;
    }

    /** Same-time order: plug-in, measurements, charging start, charging stop, unplug. */
    static int rank(Reading<?> r) {
      if (r.code().equals(io.smartcarpipeline.processors.domain.SignalCodes.CABLE_CONNECTED)) {
        return Boolean.TRUE.equals(r.value()) ? 0 : 4;
      }
      if (r.value() instanceof Boolean b && isChargingReading(r)) {
        return b ? 2 : 3;
      }
      return 1;
    }

    static boolean isChargingReading(Reading<?> r) {
      return r.code().equals(io.smartcarpipeline.processors.domain.SignalCodes.IS_CHARGING)
          || r.code()
              .equals(io.smartcarpipeline.processors.domain.SignalCodes.DETAILED_CHARGING_STATUS);
    }

    void correct(ChargeObservation o, Predicate<Reading<?>> late) {
      SessionDraft s = t.closed;
      if (s == null) {
        return;
      }
      String before = s.fingerprint();
      Measurements.apply(s, t, o.energyAddedKwh(), late);
      Measurements.apply(s, t, o.soc(), late);
      Measurements.apply(s, t, o.powerKw(), late);
      if (!s.fingerprint().equals(before)) {
        emit(s);
        LOG.info(
            "session_corrected vehicle_id={} session_id={} revision={}",
            vehicleId,
            s.sessionId,
            s.revision);
      }
    }

    void apply(Reading<?> r) {
      SessionDraft s = t.open;
      if (s != null
          && !t.plugSignalSeen
          && !s.charging
          && s.stoppedAt != null
          && r.at() - s.stoppedAt >= ms(rules.stopGap())) {
        close(stopReason(s), SessionStatus.COMPLETED, s.stoppedAt);
      }
      boolean edge = rank(r) != 1;
      if (edge && r.at() <= t.lastClosedEndAt) {
        return;
      }
      if (r.code().equals(io.smartcarpipeline.processors.domain.SignalCodes.CABLE_CONNECTED)) {
        plug((Boolean) r.value(), r.at());
      } else if (edge) {
        t.chargingSignalSeen = true;
        charging((Boolean) r.value(), r.at());
      } else {
        Measurements.apply(t.open, t, r);
      }
      if (t.open != null) {
        t.open.updatedAt = Math.max(t.open.updatedAt, r.at());
      }
    }

    void plug(boolean connected, long at) {
      t.plugSignalSeen = true;
      boolean wasPlugged = Boolean.TRUE.equals(t.plugged);
      t.plugged = connected;
      if (connected && !wasPlugged) {
        t.pluggedAt = at;
        if (t.open != null) {
          close(SessionEndReason.UNPLUGGED, SessionStatus.COMPLETED, t.open.updatedAt);
        }
        t.open = Measurements.newDraft(t, at, at);
      } else if (!connected && t.open != null) {
        SessionDraft s = t.open;
        boolean wasCharging = s.charging;
        stopSegment(s, at);
        close(
            !wasCharging && "FULLY_CHARGED".equals(s.stopStatus)
                ? SessionEndReason.FULLY_CHARGED
                : SessionEndReason.UNPLUGGED,
            SessionStatus.COMPLETED,
            at);
      }
    }

    void charging(boolean on, long at) {
      SessionDraft s = t.open;
      if (on) {
        if (s == null) {
          s = Measurements.newDraft(t, Boolean.TRUE.equals(t.plugged) ? t.pluggedAt : null, at);
          t.open = s;
        }
        if (!s.charging) {
          if (s.startedAt == null) {
            s.startedAt = at;
            s.startSoc = t.soc != null ? t.soc : s.startSoc;
          }
          s.charging = true;
          s.segmentStart = at;
          s.segments++;
          s.stoppedAt = null;
        }
      } else if (s != null && s.charging) {
        stopSegment(s, at);
        s.stoppedAt = at;
        s.stopStatus = t.lastStatus;
      }
    }

    void stopSegment(SessionDraft s, long at) {
      if (s.charging) {
        s.chargingMillis += Math.max(0, at - s.segmentStart);
        s.charging = false;
      }
    }

    void close(SessionEndReason reason, SessionStatus status, long endedAt) {
      SessionDraft s = t.open;
      t.open = null;
      stopSegment(s, endedAt);
      promoteIfReal(s);
      if (!s.real) {
        LOG.info("ghost_session_dropped vehicle_id={} plugged_in_at={}", vehicleId, s.pluggedInAt);
        return;
      }
      s.status = status;
      s.endReason = reason;
      s.endedAt = Math.max(endedAt, s.startedAt);
      s.updatedAt = Math.max(s.updatedAt, s.endedAt);
      emit(s);
      t.closed = s;
      t.closedWallMs = now;
      t.lastClosedEndAt = s.endedAt;
      LOG.info(
          "session_closed vehicle_id={} session_id={} status={} reason={} energy_kwh={}",
          vehicleId,
          s.sessionId,
          status,
          reason,
          s.energyKwh());
    }

    void promoteIfReal(SessionDraft s) {
      Double energy = s.energyKwh();
      if (!s.real && (s.segments > 0 || (energy != null && energy > 0))) {
        s.real = true;
        if (s.startedAt == null) {
          s.startedAt = s.pluggedInAt != null ? s.pluggedInAt : s.updatedAt;
        }
        s.sessionId = vehicleId + ":" + Instant.ofEpochMilli(s.startedAt);
        LOG.info("session_opened vehicle_id={} session_id={}", vehicleId, s.sessionId);
      }
    }

    void finish() {
      SessionDraft s = t.open;
      if (s == null) {
        return;
      }
      promoteIfReal(s);
      if (s.real && !s.fingerprint().equals(s.lastEmitted)) {
        emit(s);
      }
    }

    void emit(SessionDraft s) {
      s.revision++;
      s.lastEmitted = s.fingerprint();
      out.add(s.toRecord(vehicleId, t.userId));
    }
  }
}
