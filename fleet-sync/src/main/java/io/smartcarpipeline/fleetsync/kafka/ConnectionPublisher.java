package io.smartcarpipeline.fleetsync.kafka;

import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes connection records to {@code smartcar.connections.v1} (key: the vehicle id) with the
 * shared idempotent {@code acks=all} producer; the future completes on fleet-sync's context once
 * the broker acknowledged the record.
 */
public final class ConnectionPublisher implements AutoCloseable {

  private final KafkaProducer<String, VehicleConnection> producer;
  private final Context context;
  private final Consumer<Throwable> onFailure;

  public ConnectionPublisher(
      KafkaClientSettings kafka, String clientId, Context context, Consumer<Throwable> onFailure) {
    this.producer = new KafkaProducer<>(KafkaClients.producerConfig(kafka, clientId));
    this.context = context;
    this.onFailure = onFailure;
  }

  /** Sends the record; completes (on the context) when acknowledged. */
  public Future<Void> publish(VehicleConnection connection) {
    Promise<Void> acked = Promise.promise();
    producer.send(
        new ProducerRecord<>(Topics.CONNECTIONS.name(), connection.getVehicleId(), connection),
        (metadata, error) ->
            context.runOnContext(
                v -> {
                  if (error == null) {
                    acked.complete();
                  } else {
                    onFailure.accept(error);
                    acked.fail(error);
                  }
                }));
    return acked.future();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
