package io.smartcarpipeline.support.kafka;

import io.smartcarpipeline.serde.AvroSerdeConfig;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.serde.ConfluentAvroSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka client settings every service starts from: producers that never lose or duplicate an
 * acknowledged record (idempotent, {@code acks=all}), consumers that see only committed records and
 * commit by hand. String keys (the vehicle id), Avro values in the Confluent wire format.
 */
public final class KafkaClients {

  private KafkaClients() {}

  /** Idempotent, {@code acks=all} producer of String keys and Avro values. */
  public static Map<String, Object> producerConfig(
      String bootstrapServers, String registryUrl, String clientId) {
    Map<String, Object> c = new HashMap<>();
    c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    c.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class);
    c.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
    return c;
  }

  /** Read-committed consumer of String keys and generated Avro classes, committing by hand. */
  public static Map<String, Object> consumerConfig(
      String bootstrapServers, String registryUrl, String groupId) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class);
    c.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
    c.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    return c;
  }
}
