package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.CommandResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the newest command results of each vehicle in the {@code recent-commands} store for the
 * query API ({@code GET /commands}, the fleet page). The key is {@code
 * vehicleId|completedAt|commandId}, so a result seen twice overwrites itself and a vehicle's
 * results sort by completion; beyond {@code perVehicle} the oldest are deleted. Store writes commit
 * with the input offsets (exactly-once), so a restart neither loses nor doubles a result.
 */
final class RecentCommandsProcessor implements Processor<String, CommandResult, Void, Void> {

  private final int perVehicle;
  private KeyValueStore<String, CommandResult> store;

  RecentCommandsProcessor(int perVehicle) {
    this.perVehicle = perVehicle;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.store = context.getStateStore(StoreNames.RECENT_COMMANDS);
  }

  @Override
  public void process(Record<String, CommandResult> record) {
    CommandResult result = record.value();
    if (result == null) {
      return;
    }
    store.put(
        StoreNames.commandKey(
            result.getVehicleId(), result.getCompletedAt().toEpochMilli(), result.getCommandId()),
        result);
    prune(result.getVehicleId());
  }

  private void prune(String vehicleId) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, CommandResult> it =
        store.prefixScan(StoreNames.historyPrefix(vehicleId), new StringSerializer())) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    for (int i = 0; i < keys.size() - perVehicle; i++) {
      store.delete(keys.get(i));
    }
  }
}
