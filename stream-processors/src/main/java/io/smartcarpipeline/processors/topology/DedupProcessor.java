package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.processors.domain.EventDeduplicator;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards each event the first time its eventId is seen and drops redeliveries, remembering ids in
 * a window store bounded by the dedup retention (a thin adapter around {@link EventDeduplicator}).
 * Dropped redeliveries are counted in a Kafka Streams sensor per task ({@code
 * duplicates-dropped-total} in group {@code stream-dedup-metrics}), which the service's metrics
 * export with the other Streams metrics.
 */
final class DedupProcessor implements FixedKeyProcessor<String, VehicleEvent, VehicleEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

  private final long retentionMs;
  private FixedKeyProcessorContext<String, VehicleEvent> context;
  private EventDeduplicator dedup;
  private Sensor duplicates;

  DedupProcessor(Duration retention) {
    this.retentionMs = retention.toMillis();
  }

  @Override
  public void init(FixedKeyProcessorContext<String, VehicleEvent> context) {
    this.context = context;
    this.duplicates =
        context
            .metrics()
            .addRateTotalSensor(
                "dedup",
                context.taskId().toString(),
                "duplicates-dropped",
                Sensor.RecordingLevel.INFO);
    WindowStore<String, Long> store = context.getStateStore(StoreNames.EVENT_IDS);
    this.dedup =
        new EventDeduplicator(
            new EventDeduplicator.SeenEvents() {
              @Override
              public boolean contains(String eventId, long at) {
                try (WindowStoreIterator<Long> it =
                    store.fetch(eventId, Math.max(0, at - retentionMs), at + retentionMs)) {
                  return it.hasNext();
                }
              }

              @Override
              public void remember(String eventId, long at) {
                store.put(eventId, at, at);
              }
            });
  }

  @Override
  public void process(FixedKeyRecord<String, VehicleEvent> record) {
    VehicleEvent event = record.value();
    if (event == null) {
      return;
    }
    if (dedup.firstSighting(event.getEventId(), record.timestamp())) {
      context.forward(record);
    } else {
      duplicates.record();
      LOG.debug(
          "duplicate_event_dropped vehicle_id={} event_id={}",
          event.getVehicleId(),
          event.getEventId());
    }
  }

  @Override
  public void close() {
    if (duplicates != null) {
      context.metrics().removeSensor(duplicates);
    }
  }
}
