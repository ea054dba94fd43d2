package io.smartcarpipeline.launcher.demo;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads what the pipeline wrote, from the outside, for the demo's summary line: vehicles with
 * state, charging sessions by status (the newest record of each session is its truth) and their
 * energy.
 */
public final class DemoMonitor implements AutoCloseable {

  private final KafkaConsumer<String, Object> consumer;
  private final Set<String> vehicles = ConcurrentHashMap.newKeySet();
  private final Map<String, ChargingSession> sessions = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  public DemoMonitor(String bootstrapServers, String registryUrl) {
    this.consumer =
        new KafkaConsumer<>(
            KafkaClients.consumerConfig(
                bootstrapServers, registryUrl, "demo-monitor-" + UUID.randomUUID()));
    this.thread = new Thread(this::loop, "demo-monitor");
  }

  public DemoMonitor start() {
    consumer.subscribe(List.of(Topics.VEHICLE_STATE.name(), Topics.CHARGING_SESSIONS.name()));
    thread.start();
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

  private void loop() {
    try {
      while (running.get()) {
        for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() instanceof VehicleState) {
            vehicles.add(r.key());
          } else if (r.value() instanceof ChargingSession s) {
            sessions.merge(
                s.getSessionId(),
                s,
                (old, neu) -> neu.getRevision() >= old.getRevision() ? neu : old);
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
