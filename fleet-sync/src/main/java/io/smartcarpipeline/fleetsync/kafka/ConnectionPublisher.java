package io.smartcarpipeline.fleetsync.kafka;

import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Writes connection records to {@code smartcar.connections.v1} (key: the vehicle id) with the
 * shared idempotent {@code acks=all} producer, never blocking the event loop ({@link
 * NonBlockingProducer}); the future completes on fleet-sync's context once the broker acknowledged
 * the record, and fails (after {@code onFailure} was told) when it was not written.
 */
public final class ConnectionPublisher implements AutoCloseable {

  private final NonBlockingProducer<VehicleConnection> producer;
  private final Consumer<Throwable> onFailure;

  public ConnectionPublisher(
      KafkaClientSettings kafka, String clientId, Context context, Consumer<Throwable> onFailure) {
    this.producer = new NonBlockingProducer<>(kafka, clientId, Topics.CONNECTIONS.name(), context);
    this.onFailure = onFailure;
  }

  /**
   * Blocking, for start-up: loads the topic's metadata (fleet-sync created the topic) so the first
   * sync's records are not refused; whether it was loaded in time.
   */
  public boolean warmUp(Duration timeout) {
    return producer.awaitReady(timeout);
  }

  /** Sends the record; completes (on the context) when acknowledged. */
  public Future<Void> publish(VehicleConnection connection) {
    return producer.send(connection.getVehicleId(), connection).onFailure(onFailure::accept);
  }

  @Override
  public void close() {
    producer.close();
  }
}
