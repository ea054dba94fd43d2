package io.smartcarpipeline.fleetsync.gapfill;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code smartcar.vehicle-events.v1} from its end on a thread of its own and hands each
 * event to fleet-sync's context. Its own consumer group, offsets committed automatically: it only
 * watches freshness, so an event seen twice or missed at a restart costs at most one read.
 */
final class EventsWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventsWatcher.class);

  private final KafkaConsumer<String, VehicleEvent> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  EventsWatcher(
      KafkaClientSettings kafka, String groupId, Context context, Consumer<VehicleEvent> onEvent) {
    Map<String, Object> c = new HashMap<>(KafkaClients.consumerConfig(kafka, groupId));
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    this.consumer = new KafkaConsumer<>(c);
    consumer.subscribe(List.of(Topics.VEHICLE_EVENTS.name()));
    this.thread = new Thread(() -> loop(context, onEvent), "fleet-sync-gapfill-events");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop(Context context, Consumer<VehicleEvent> onEvent) {
    try {
      while (running) {
        for (ConsumerRecord<String, VehicleEvent> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() != null) {
            context.runOnContext(v -> onEvent.accept(r.value()));
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("gapfill_events_watch_failed error={}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
