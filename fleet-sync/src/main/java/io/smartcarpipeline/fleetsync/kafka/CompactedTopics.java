package io.smartcarpipeline.fleetsync.kafka;

import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a compacted topic from its beginning to its current end: the newest value per key, keys
 * whose newest record is a tombstone left out. No consumer group, nothing committed.
 */
public final class CompactedTopics {

  private CompactedTopics() {}

  /** The newest value per key of {@code topic}, as of now. */
  public static <V extends SpecificRecord> Map<String, V> readAll(
      KafkaClientSettings kafka, TopicSpec<V> topic, String clientId, Duration timeout) {
    Map<String, Object> c = new HashMap<>(KafkaClients.consumerConfig(kafka, clientId));
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    Map<String, V> latest = new LinkedHashMap<>();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(c)) {
      List<TopicPartition> tps =
          consumer.partitionsFor(topic.name(), timeout).stream()
              .map(p -> new TopicPartition(topic.name(), p.partition()))
              .toList();
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      Map<TopicPartition, Long> end = consumer.endOffsets(tps, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "reading " + topic.name() + " to its end took longer than " + timeout);
        }
        for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() == null) {
            latest.remove(r.key());
          } else {
            latest.put(r.key(), r.value());
          }
        }
      }
    }
    return latest;
  }
}
