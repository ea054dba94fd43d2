package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.history.SocReading;
import io.smartcarpipeline.processors.domain.history.SocSeries;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Appends each new vehicle state's SoC point to the vehicle's {@link SocSeries} in the {@code
 * soc-history} store the fleet page's chart reads. It follows the folded state, which moves only
 * forward in source time, so duplicates and late readings add nothing. Emits nothing.
 */
final class SocHistoryProcessor implements Processor<String, VehicleState, Void, Void> {

  private final int capacity;
  private KeyValueStore<String, SocSeries> store;

  SocHistoryProcessor(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.store = context.getStateStore(StoreNames.SOC_HISTORY);
  }

  @Override
  public void process(Record<String, VehicleState> record) {
    VehicleState state = record.value();
    SocReading.from(state)
        .ifPresent(
            point -> {
              SocSeries series = store.get(state.getVehicleId());
              if (series == null) {
                series = new SocSeries();
              }
              if (series.offer(point, capacity)) {
                store.put(state.getVehicleId(), series);
              }
            });
  }
}
