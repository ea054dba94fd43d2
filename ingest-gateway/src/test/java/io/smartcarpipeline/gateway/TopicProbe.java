package io.smartcarpipeline.gateway;

import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a test's requests added to a topic, with a real consumer and our deserializer: take
 * {@link #mark()} before, then {@link #recordsSince} reads from there to the end offsets as they
 * are now. "Nothing written" is {@code recordsSince(mark)} being empty.
 */
final class TopicProbe<V extends SpecificRecord> implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final KafkaConsumer<String, V> consumer;
  private final List<TopicPartition> partitions;

  TopicProbe(String bootstrap, String registryUrl, TopicSpec<V> topic) {
    Map<String, Object> config =
        KafkaClients.consumerConfig(
            KafkaClientSettings.plain(bootstrap, registryUrl), "gateway-it-" + UUID.randomUUID());
    ConfluentAvroDeserializer<V> values = new ConfluentAvroDeserializer<>(topic.valueType());
    values.configure(config, false);
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
    this.partitions =
        consumer.partitionsFor(topic.name(), TIMEOUT).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
  }

  /** The end offsets now. */
  Map<TopicPartition, Long> mark() {
    return consumer.endOffsets(partitions, TIMEOUT);
  }

  /** Every record between {@code mark} and the end offsets now. */
  List<ConsumerRecord<String, V>> recordsSince(Map<TopicPartition, Long> mark) {
    Map<TopicPartition, Long> end = mark();
    List<ConsumerRecord<String, V>> out = new ArrayList<>();
    long expected = 0;
    for (TopicPartition p : partitions) {
      consumer.seek(p, mark.get(p));
      expected += end.get(p) - mark.get(p);
    }
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (out.size() < expected && Instant.now().isBefore(deadline)) {
      for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
        TopicPartition p = new TopicPartition(r.topic(), r.partition());
        if (r.offset() < end.get(p)) {
          out.add(r);
        }
      }
    }
    if (out.size() != expected) {
      throw new AssertionError("read " + out.size() + " of " + expected + " records in " + TIMEOUT);
    }
    return out;
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
