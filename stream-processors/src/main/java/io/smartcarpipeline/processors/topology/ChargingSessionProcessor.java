package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.processors.domain.charging.ChargeObservation;
import io.smartcarpipeline.processors.domain.charging.ChargingSessionMachine;
import io.smartcarpipeline.processors.domain.charging.ChargingTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the {@link ChargingSessionMachine} per vehicle: events in, session records out, and a
 * wall-clock punctuator that closes silent sessions. Every emitted record also replaces the
 * session's entry in the history store the query API reads, which keeps the newest {@code
 * historyPerVehicle} sessions of each vehicle.
 */
final class ChargingSessionProcessor
    implements Processor<String, VehicleEvent, String, ChargingSession> {

  private final ChargingSessionMachine machine;
  private final Duration checkInterval;
  private final int historyPerVehicle;
  private ProcessorContext<String, ChargingSession> context;
  private KeyValueStore<String, ChargingTracker> trackers;
  private KeyValueStore<String, ChargingSession> history;

  ChargingSessionProcessor(TopologyOptions options) {
    this.machine = new ChargingSessionMachine(options.sessionRules());
    this.checkInterval = options.sessionCheckInterval();
    this.historyPerVehicle = options.historyPerVehicle();
  }

  @Override
  public void init(ProcessorContext<String, ChargingSession> context) {
    this.context = context;
    this.trackers = context.getStateStore(StoreNames.CHARGING_TRACKERS);
    this.history = context.getStateStore(StoreNames.CHARGING_HISTORY);
    context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::checkSilentSessions);
  }

  @Override
  public void process(Record<String, VehicleEvent> record) {
    VehicleEvent event = record.value();
    String vehicleId = event.getVehicleId();
    ChargingTracker tracker = trackers.get(vehicleId);
    if (tracker == null) {
      tracker = new ChargingTracker();
    }
    List<ChargingSession> out =
        machine.onEvent(
            vehicleId, tracker, ChargeObservation.of(event), context.currentSystemTimeMs());
    trackers.put(vehicleId, tracker);
    emit(vehicleId, out, record.timestamp());
  }

  private void checkSilentSessions(long now) {
    List<KeyValue<String, ChargingTracker>> changed = new ArrayList<>();
    List<KeyValue<String, List<ChargingSession>>> emitted = new ArrayList<>();
    try (KeyValueIterator<String, ChargingTracker> it = trackers.all()) {
      while (it.hasNext()) {
        KeyValue<String, ChargingTracker> kv = it.next();
        ChargingTracker t = kv.value;
        if (t.idle()) {
          continue;
        }
        boolean hadClosed = t.closed != null;
        List<ChargingSession> out = machine.onWallClock(kv.key, t, now);
        if (!out.isEmpty() || hadClosed != (t.closed != null)) {
          changed.add(KeyValue.pair(kv.key, t));
          emitted.add(KeyValue.pair(kv.key, out));
        }
      }
    }
    changed.forEach(kv -> trackers.put(kv.key, kv.value));
    emitted.forEach(kv -> emit(kv.key, kv.value, now));
  }

  private void emit(String vehicleId, List<ChargingSession> sessions, long timestamp) {
    for (ChargingSession s : sessions) {
      history.put(StoreNames.historyKey(vehicleId, s.getStartedAt().toEpochMilli()), s);
      context.forward(new Record<>(vehicleId, s, timestamp));
    }
    if (!sessions.isEmpty()) {
      pruneHistory(vehicleId);
    }
  }

  private void pruneHistory(String vehicleId) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, ChargingSession> it =
        history.prefixScan(
            StoreNames.historyPrefix(vehicleId),
            new org.apache.kafka.common.serialization.StringSerializer())) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    for (int i = 0; i < keys.size() - historyPerVehicle; i++) {
      history.delete(keys.get(i));
    }
  }
}
