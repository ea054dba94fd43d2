package io.smartcarpipeline.gateway.http;

import io.micrometer.core.instrument.Timer;
import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.kafka.EventProducer;
import io.smartcarpipeline.schemas.Topics;
import io.vertx.core.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a delivery became: a vehicle event or a dead letter. Rule: the future succeeds only
 * with the broker's acknowledgement; any failure or a send slower than the bound becomes a 503
 * {@link Rejection} with {@code Retry-After}, so Smartcar retries.
 */
final class DeliveryWriter {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWriter.class);

  private final EventProducer producer;
  private final GatewayMetrics metrics;
  private final long retryAfterSeconds;

  DeliveryWriter(EventProducer producer, GatewayMetrics metrics, long retryAfterSeconds) {
    this.producer = producer;
    this.metrics = metrics;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Writes the event keyed by vehicle id, timing the wait for the ack. */
  Future<RecordMetadata> event(VehicleEvent event) {
    Timer.Sample sample = Timer.start();
    return producer
        .send(Topics.VEHICLE_EVENTS, event.getVehicleId(), event)
        .andThen(ar -> sample.stop(metrics.produceLatency()))
        .onSuccess(
            metadata -> {
              metrics.event(event.getEventType());
              if (!event.getUnknownUnits().isEmpty()) {
                metrics.unknownUnits(event.getUnknownUnits());
              }
              if (LOG.isDebugEnabled()) {
                LOG.debug(
                    "webhook_accepted event_id={} vehicle_id={} type={} signals={} partition={} offset={}",
                    event.getEventId(),
                    event.getVehicleId(),
                    event.getEventType(),
                    event.getSignals().size(),
                    metadata.partition(),
                    metadata.offset());
              }
            })
        .recover(error -> Future.failedFuture(unavailable(event.getEventId(), error)));
  }

  /** Writes a dead letter; {@code key} may be null when the delivery names no vehicle. */
  Future<RecordMetadata> deadLetter(DeadLetter letter, String key, String eventId) {
    return producer
        .send(Topics.DEAD_LETTERS, key, letter)
        .onSuccess(
            metadata ->
                LOG.info(
                    "webhook_dead_lettered reason={} event_id={} partition={} offset={}",
                    letter.getReason(),
                    eventId,
                    metadata.partition(),
                    metadata.offset()))
        .recover(error -> Future.failedFuture(unavailable(eventId, error)));
  }

  private Rejection unavailable(String eventId, Throwable error) {
    boolean timedOut =
        error instanceof java.util.concurrent.TimeoutException
            || error instanceof org.apache.kafka.common.errors.TimeoutException;
    LOG.warn(
        "webhook_produce_failed event_id={} timed_out={} error={}",
        eventId,
        timedOut,
        error.toString());
    return Rejection.unavailable(
        timedOut ? "PRODUCE_TIMEOUT" : "PRODUCE_FAILED",
        "Kafka did not acknowledge the event in time; retry later",
        retryAfterSeconds);
  }
}
