package io.smartcarpipeline.dispatcher.it;

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
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one topic (read_committed, from the beginning) and keeps every value seen. */
final class TopicCollector<V extends SpecificRecord> implements AutoCloseable {

  private final KafkaConsumer<String, V> consumer;
  private final List<V> seen = new ArrayList<>();

  TopicCollector(String bootstrap, String registryUrl, TopicSpec<V> topic) {
    Map<String, Object> c =
        KafkaClients.consumerConfig(KafkaClientSettings.plain(bootstrap, registryUrl), "unused");
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    ConfluentAvroDeserializer<V> d = new ConfluentAvroDeserializer<>(topic.valueType());
    d.configure(c, false);
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), d);
    List<TopicPartition> tps =
        consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(tps);
    consumer.seekToBeginning(tps);
  }

  /** Polls once and returns every value seen so far. */
  List<V> poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
