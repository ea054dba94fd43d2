package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.VehicleStateFold;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/** Folds each distinct event into the vehicle's state (store + compacted topic). */
final class VehicleStateProcessor implements FixedKeyProcessor<String, VehicleEvent, VehicleState> {

  private FixedKeyProcessorContext<String, VehicleState> context;
  private KeyValueStore<String, VehicleState> store;

  @Override
  public void init(FixedKeyProcessorContext<String, VehicleState> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.VEHICLE_STATE);
  }

  @Override
  public void process(FixedKeyRecord<String, VehicleEvent> record) {
    VehicleEvent event = record.value();
    String vehicleId = event.getVehicleId();
    VehicleState next =
        VehicleStateFold.apply(
            store.get(vehicleId), event, Instant.ofEpochMilli(context.currentSystemTimeMs()));
    store.put(vehicleId, next);
    context.forward(record.withValue(next));
  }
}
