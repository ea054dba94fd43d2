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
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows {@code smartcar.subscription-wishes.v1} from its beginning on its own thread (no group,
 * nothing committed: the compacted topic is the state) and hands every wish to {@link Exclusions}.
 * A record that cannot be read is skipped with a warning.
 */
public final class WishReader implements AutoCloseable {

  private final ConsumerLoop<SubscriptionWish> loop;

  public WishReader(KafkaClientSettings kafka, Exclusions exclusions, Duration timeout) {
    Map<String, Object> c = new HashMap<>(KafkaClients.consumerConfig(kafka, "fleet-sync-wishes"));
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "fleet-sync-wishes");
    KafkaConsumer<String, SubscriptionWish> consumer = new KafkaConsumer<>(c);
    String topic = Topics.SUBSCRIPTION_WISHES.name();
    List<TopicPartition> tps =
        consumer.partitionsFor(topic, timeout).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(tps);
    consumer.seekToBeginning(tps);
    this.loop =
        new ConsumerLoop<>(
            "fleet-sync-wishes",
            consumer,
            false,
            r -> {
              if (r.key() != null) {
                exclusions.wish(r.key(), r.value()); // a null value (tombstone) withdraws
              }
            });
  }

  @Override
  public void close() throws InterruptedException {
    loop.close();
  }
}
