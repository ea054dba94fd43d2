package io.smartcarpipeline.fleetsync.gapfill;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.fleetsync.kafka.ConsumerLoop;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Follows {@code smartcar.vehicle-events.v1} from its end on a thread of its own and hands each
 * event to fleet-sync's context. Its own consumer group, offsets committed automatically: it only
 * watches freshness, so an event seen twice or missed at a restart costs at most one read.
 */
final class EventsWatcher implements AutoCloseable {

  private final ConsumerLoop<VehicleEvent> loop;

  EventsWatcher(
      KafkaClientSettings kafka, String groupId, Context context, Consumer<VehicleEvent> onEvent) {
    Map<String, Object> c = new HashMap<>(KafkaClients.consumerConfig(kafka, groupId));
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    KafkaConsumer<String, VehicleEvent> consumer = new KafkaConsumer<>(c);
    consumer.subscribe(List.of(Topics.VEHICLE_EVENTS.name()));
    this.loop =
        new ConsumerLoop<>(
            "fleet-sync-gapfill-events",
            consumer,
            false,
            r -> {
              if (r.value() != null) {
                context.runOnContext(v -> onEvent.accept(r.value()));
              }
            });
  }

  @Override
  public void close() throws InterruptedException {
    loop.close();
  }
}
