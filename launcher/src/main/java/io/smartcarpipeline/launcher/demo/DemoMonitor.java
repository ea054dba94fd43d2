package io.smartcarpipeline.launcher.demo;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads what the pipeline wrote, from the outside, for the demo's summary line: vehicles with
 * state, charging sessions by status (the newest record of each session is its truth) and their
 * energy.
 */
public final class DemoMonitor implements AutoCloseable {

  private final TopicFollower follower;
  private final Set<String> vehicles = ConcurrentHashMap.newKeySet();
  private final Map<String, ChargingSession> sessions = new ConcurrentHashMap<>();

  public DemoMonitor(String bootstrapServers, String registryUrl) {
    this.follower =
        new TopicFollower(
            "demo-monitor",
            bootstrapServers,
            registryUrl,
            "demo-monitor-" + UUID.randomUUID(),
            false,
            List.of(Topics.VEHICLE_STATE, Topics.CHARGING_SESSIONS),
            this::onRecord);
  }

  public DemoMonitor start() {
    follower.start();
    return this;
  }

  /** Figures for the summary. */
  public Snapshot snapshot() {
    long active = 0;
    long completed = 0;
    double kwh = 0;
    for (ChargingSession s : sessions.values()) {
      if (s.getStatus() == SessionStatus.ACTIVE) {
        active++;
      } else {
        completed++;
      }
      kwh += s.getEnergyKwh() == null ? 0 : s.getEnergyKwh();
    }
    return new Snapshot(vehicles.size(), active, completed, kwh);
  }

  /** Vehicles with state, sessions active and finished, and the energy of all of them. */
  public record Snapshot(int vehicles, long activeSessions, long completedSessions, double kwh) {}

  private void onRecord(ConsumerRecord<String, Object> r) {
    if (r.value() instanceof VehicleState) {
      vehicles.add(r.key());
    } else if (r.value() instanceof ChargingSession s) {
      sessions.merge(
          s.getSessionId(), s, (old, neu) -> neu.getRevision() >= old.getRevision() ? neu : old);
    }
  }

  @Override
  public void close() {
    follower.close();
  }
}
