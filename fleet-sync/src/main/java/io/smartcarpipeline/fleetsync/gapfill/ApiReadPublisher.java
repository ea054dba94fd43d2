package io.smartcarpipeline.fleetsync.gapfill;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.fleetsync.kafka.NonBlockingProducer;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;

/**
 * Writes API reads to {@code smartcar.vehicle-events.v1} (key: the vehicle id, as the gateway does)
 * with the shared idempotent {@code acks=all} producer; completes on fleet-sync's context once the
 * broker acknowledged. Never blocks the event loop ({@link NonBlockingProducer}): while the topic
 * does not exist (the gateway creates it) or the broker is unreachable, {@link #ready()} is false
 * and a send fails at once.
 */
final class ApiReadPublisher implements AutoCloseable {

  private final NonBlockingProducer<VehicleEvent> producer;

  ApiReadPublisher(KafkaClientSettings kafka, String clientId, Context context) {
    this(kafka, clientId, Topics.VEHICLE_EVENTS.name(), context);
  }

  /** As above, to another topic (tests: one that does not exist). */
  ApiReadPublisher(KafkaClientSettings kafka, String clientId, String topic, Context context) {
    this.producer = new NonBlockingProducer<>(kafka, clientId, topic, context);
  }

  /** Whether a read's answer could be published now (topic metadata known); never waits. */
  boolean ready() {
    return producer.ready();
  }

  Future<Void> publish(VehicleEvent event) {
    return producer.send(event.getVehicleId(), event);
  }

  @Override
  public void close() {
    producer.close();
  }
}
