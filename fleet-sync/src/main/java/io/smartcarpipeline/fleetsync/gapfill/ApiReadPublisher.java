package io.smartcarpipeline.fleetsync.gapfill;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes API reads to {@code smartcar.vehicle-events.v1} (key: the vehicle id, as the gateway does)
 * with the shared idempotent {@code acks=all} producer; completes on fleet-sync's context once the
 * broker acknowledged.
 */
final class ApiReadPublisher implements AutoCloseable {

  private final KafkaProducer<String, VehicleEvent> producer;
  private final Context context;

  ApiReadPublisher(KafkaClientSettings kafka, String clientId, Context context) {
    this.producer = new KafkaProducer<>(KafkaClients.producerConfig(kafka, clientId));
    this.context = context;
  }

  Future<Void> publish(VehicleEvent event) {
    Promise<Void> acked = Promise.promise();
    producer.send(
        new ProducerRecord<>(Topics.VEHICLE_EVENTS.name(), event.getVehicleId(), event),
        (metadata, error) ->
            context.runOnContext(
                v -> {
                  if (error == null) {
                    acked.complete();
                  } else {
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
