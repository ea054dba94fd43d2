package io.smartcarpipeline.faults;

import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from the beginning, read_committed, without a group, and keeps every record seen:
 * what a downstream consumer would see, duplicates included.
 */
final class TopicReader<V extends SpecificRecord> implements AutoCloseable {

  private final KafkaConsumer<String, V> consumer;
  private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

  TopicReader(String bootstrap, String registryUrl, TopicSpec<V> topic) {
    Map<String, Object> c =
        KafkaClients.consumerConfig(KafkaClientSettings.plain(bootstrap, registryUrl), "unused");
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    ConfluentAvroDeserializer<V> values = new ConfluentAvroDeserializer<>(topic.valueType());
    values.configure(c, false);
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), values);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls once and returns every value seen so far. */
  List<V> poll() {
    return records().stream().map(ConsumerRecord::value).toList();
  }

  /** Polls once and returns every record seen so far. */
  List<ConsumerRecord<String, V>> records() {
    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
