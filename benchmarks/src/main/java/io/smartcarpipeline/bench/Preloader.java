package io.smartcarpipeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.bench.data.ChargingDay;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.normalise.VehicleEventMapper;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.sim.load.Reading;
import io.smartcarpipeline.sim.load.VehicleStateBodies;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Fills {@code Topics.VEHICLE_EVENTS} with what the gateway would have written for a fleet's
 * charging day: 10-signal VEHICLE_STATE webhooks, normalised by the gateway's own {@link
 * VehicleEventMapper}, 5% delivered twice (same eventId, as Smartcar retries) and 2% delivered
 * after the vehicle's next event (out of order). Seeded, so every run preloads the same records.
 */
final class Preloader {

  static final int SIGNALS_PER_EVENT = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What was written. */
  record Loaded(long events, long duplicates, long outOfOrder, long signals) {}

  private Preloader() {}

  static Loaded load(BenchStack stack, int totalSignals, int vehicles, long seed) {
    int events = Math.max(vehicles, totalSignals / SIGNALS_PER_EVENT);
    int perVehicle = Math.max(1, events / vehicles);
    Random random = new Random(seed);
    long dayStart = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();
    Map<String, Object> cfg = KafkaClients.producerConfig(stack.kafka(), "bench-preload");
    cfg.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    cfg.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    // right after topic creation a partition can answer NOT_LEADER for a moment; with several
    // batches in flight the idempotent producer's retries then collided with their own sequence
    // numbers (OutOfOrderSequenceException, retried forever): one batch in flight per broker
    cfg.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    long written = 0;
    long dups = 0;
    long late = 0;
    Deque<VehicleEvent> held = new ArrayDeque<>();
    Deque<VehicleEvent> heldLastRound = new ArrayDeque<>();
    try (KafkaProducer<String, VehicleEvent> producer = new KafkaProducer<>(cfg)) {
      for (int k = 0; k < perVehicle; k++) {
        for (int v = 0; v < vehicles; v++) {
          VehicleEvent e = event(ChargingDay.reading(v, k, perVehicle, dayStart), random);
          double draw = random.nextDouble();
          if (draw < 0.02 && k < perVehicle - 1) {
            held.add(e); // sent after this vehicle's next event
            late++;
            continue;
          }
          written += send(producer, e);
          if (draw > 0.95) {
            written += send(producer, e);
            dups++;
          }
        }
        // events held back in the previous round go out now, after their vehicle's next event
        while (!heldLastRound.isEmpty()) {
          written += send(producer, heldLastRound.poll());
        }
        Deque<VehicleEvent> swap = heldLastRound;
        heldLastRound = held;
        held = swap;
      }
      while (!heldLastRound.isEmpty()) {
        written += send(producer, heldLastRound.poll());
      }
      producer.flush();
    }
    return new Loaded(written, dups, late, written * SIGNALS_PER_EVENT);
  }

  private static int send(KafkaProducer<String, VehicleEvent> producer, VehicleEvent e) {
    producer.send(new ProducerRecord<>(Topics.VEHICLE_EVENTS.name(), e.getVehicleId(), e));
    return 1;
  }

  private static VehicleEvent event(Reading r, Random random) {
    UUID id = new UUID(random.nextLong(), random.nextLong());
    String body =
        VehicleStateBodies.vehicleState(
            r, id, new UUID(random.nextLong(), random.nextLong()), SIGNALS_PER_EVENT);
    try {
      return VehicleEventMapper.map(
          JSON.readTree(body),
          EventType.VEHICLE_STATE,
          body,
          SignatureCheck.CURRENT_KEY,
          Instant.ofEpochMilli(r.oemUpdatedAt() + 1000));
    } catch (Exception ex) {
      throw new IllegalStateException("bench webhook did not map: " + ex, ex);
    }
  }
}
