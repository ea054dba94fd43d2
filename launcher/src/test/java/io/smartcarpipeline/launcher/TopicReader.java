package io.smartcarpipeline.launcher;

import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the outside, as any client of the pipeline would: a plain read-committed
 * consumer with our Avro deserializer, assigned to every partition, from the beginning to the end
 * offsets taken when the read starts. Rule: the read is finished when every partition's position
 * has reached its end offset (positions, not record counts, because transaction markers take
 * offsets too), within a deadline; never sleeps.
 */
final class TopicReader {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

  private TopicReader() {}

  /** Hands every committed record of {@code topic} to {@code sink}; returns how many there were. */
  static <V extends SpecificRecord> long readAll(
      String bootstrap,
      String registryUrl,
      TopicSpec<V> topic,
      Duration timeout,
      Consumer<ConsumerRecord<String, V>> sink) {
    Map<String, Object> config =
        KafkaClients.consumerConfig(
            KafkaClientSettings.plain(bootstrap, registryUrl), "e2e-reader-" + UUID.randomUUID());
    ConfluentAvroDeserializer<V> values = new ConfluentAvroDeserializer<>(topic.valueType());
    values.configure(config, false);
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(), CALL_TIMEOUT).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CALL_TIMEOUT);
      long count = 0;
      Instant deadline = Instant.now().plus(timeout);
      while (!reachedEnd(consumer, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError(
              "could not read " + topic.name() + " to " + end + " within " + timeout);
        }
        for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            sink.accept(r);
            count++;
          }
        }
      }
      return count;
    }
  }

  /**
   * Records of {@code topic} the consumer group {@code groupId} has not committed yet, summed over
   * partitions (a group that committed nothing lags by the whole topic).
   */
  static long lag(String bootstrap, TopicSpec<?> topic, String groupId) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(topic.name()))
          .allTopicNames()
          .get()
          .get(topic.name())
          .partitions()
          .forEach(
              p ->
                  latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
      long lag = 0;
      for (var e : admin.listOffsets(latest).all().get().entrySet()) {
        OffsetAndMetadata done = committed.get(e.getKey());
        lag += e.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return lag;
    }
  }

  private static boolean reachedEnd(
      KafkaConsumer<String, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey(), CALL_TIMEOUT) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
