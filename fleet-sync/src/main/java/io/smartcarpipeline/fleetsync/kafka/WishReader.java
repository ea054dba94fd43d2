package io.smartcarpipeline.fleetsync.kafka;

import io.smartcarpipeline.events.SubscriptionWish;
import io.smartcarpipeline.fleetsync.subscriptions.Exclusions;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code smartcar.subscription-wishes.v1} from its beginning on its own thread (no group,
 * nothing committed: the compacted topic is the state) and hands every wish to {@link Exclusions}.
 * A record that cannot be read is skipped with a warning.
 */
public final class WishReader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WishReader.class);

  private final KafkaConsumer<String, SubscriptionWish> consumer;
  private final Exclusions exclusions;
  private final Thread thread;
  private volatile boolean running = true;

  public WishReader(KafkaClientSettings kafka, Exclusions exclusions, Duration timeout) {
    Map<String, Object> c = new HashMap<>(KafkaClients.consumerConfig(kafka, "fleet-sync-wishes"));
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "fleet-sync-wishes");
    this.consumer = new KafkaConsumer<>(c);
    this.exclusions = exclusions;
    String topic = Topics.SUBSCRIPTION_WISHES.name();
    List<TopicPartition> tps =
        consumer.partitionsFor(topic, timeout).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(tps);
    consumer.seekToBeginning(tps);
    this.thread = new Thread(this::run, "fleet-sync-wishes");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        try {
          for (ConsumerRecord<String, SubscriptionWish> r : consumer.poll(Duration.ofMillis(500))) {
            if (r.key() != null) {
              exclusions.wish(r.key(), r.value());
            }
          }
        } catch (RecordDeserializationException e) {
          LOG.warn(
              "wish_unreadable partition={} offset={} error={}",
              e.topicPartition(),
              e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.warn("wish_reader_stopped error={}", e.toString());
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
