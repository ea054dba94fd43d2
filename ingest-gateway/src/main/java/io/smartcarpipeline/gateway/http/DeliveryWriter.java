package io.smartcarpipeline.gateway.http;

import io.micrometer.core.instrument.Timer;
import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.kafka.EventProducer;
import io.smartcarpipeline.gateway.kafka.UnwritableRecordException;
import io.smartcarpipeline.schemas.Topics;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a delivery became: a vehicle event or a dead letter. Rule: the future succeeds only
 * with the broker's acknowledgement; any failure or a send slower than the bound becomes a 503
 * {@link Rejection} with {@code Retry-After}, so Smartcar retries, except a record Kafka can never
 * take ({@link UnwritableRecordException}), which is passed on for the caller to dead-letter.
 */
final class DeliveryWriter {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWriter.class);

  /** At most one {@code webhook_produce_failed} line per this interval during an outage. */
  static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(10);

  private final EventProducer producer;
  private final GatewayMetrics metrics;
  private final long retryAfterSeconds;
  private final LogThrottle failureLog;

  DeliveryWriter(
      EventProducer producer, GatewayMetrics metrics, long retryAfterSeconds, Clock clock) {
    this.producer = producer;
    this.metrics = metrics;
    this.retryAfterSeconds = retryAfterSeconds;
    this.failureLog = new LogThrottle(FAILURE_LOG_INTERVAL, clock::instant);
  }

  /** Writes the event keyed by vehicle id, timing the wait for the ack. */
  Future<RecordMetadata> event(VehicleEvent event) {
    Timer.Sample sample = Timer.start();
    return producer
        .send(Topics.VEHICLE_EVENTS, event.getVehicleId(), event)
        .andThen(ar -> sample.stop(metrics.produceLatency()))
        .onSuccess(
            metadata -> {
              recovered();
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
        .recover(
            error ->
                Future.failedFuture(
                    error instanceof UnwritableRecordException
                        ? error
                        : unavailable(event.getEventId(), error)));
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

  /**
   * A 503 for a send Kafka did not acknowledge. Logged through the throttle: the first failure,
   * then one line per interval with the number suppressed since.
   */
  /** After an outage, one line with the failures not logged since the last line. */
  private void recovered() {
    failureLog
        .drain()
        .ifPresent(n -> LOG.warn("webhook_produce_recovered suppressed_since_last={}", n));
  }

  private Rejection unavailable(String eventId, Throwable error) {
    boolean timedOut =
        error instanceof java.util.concurrent.TimeoutException
            || error instanceof org.apache.kafka.common.errors.TimeoutException;
    failureLog
        .tryAcquire()
        .ifPresent(
            suppressed ->
                LOG.warn(
                    "webhook_produce_failed event_id={} timed_out={} suppressed_since_last={}"
                        + " error={}",
                    eventId,
                    timedOut,
                    suppressed,
                    error.toString()));
    return Rejection.unavailable(
        timedOut ? "PRODUCE_TIMEOUT" : "PRODUCE_FAILED",
        "Kafka did not acknowledge the event in time; retry later",
        retryAfterSeconds);
  }
}
