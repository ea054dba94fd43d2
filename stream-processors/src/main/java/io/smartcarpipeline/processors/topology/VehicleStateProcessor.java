package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.LatestDataSource;
import io.smartcarpipeline.processors.domain.VehicleStateFold;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds each distinct event into the vehicle's state (store + compacted topic) and records where
 * the vehicle's latest data came from ({@link LatestDataSource}; written only when it changes).
 */
final class VehicleStateProcessor implements FixedKeyProcessor<String, VehicleEvent, VehicleState> {

  private FixedKeyProcessorContext<String, VehicleState> context;
  private KeyValueStore<String, VehicleState> store;
  private KeyValueStore<String, String> sources;

  @Override
  public void init(FixedKeyProcessorContext<String, VehicleState> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.VEHICLE_STATE);
    this.sources = context.getStateStore(StoreNames.DATA_SOURCES);
  }

  @Override
  public void process(FixedKeyRecord<String, VehicleEvent> record) {
    VehicleEvent event = record.value();
    String vehicleId = event.getVehicleId();
    VehicleState before = store.get(vehicleId);
    VehicleState next =
        VehicleStateFold.apply(before, event, Instant.ofEpochMilli(context.currentSystemTimeMs()));
    store.put(vehicleId, next);
    LatestDataSource.after(before, next, event)
        .map(Enum::name)
        .filter(source -> !source.equals(sources.get(vehicleId)))
        .ifPresent(source -> sources.put(vehicleId, source));
    context.forward(record.withValue(next));
  }
}
