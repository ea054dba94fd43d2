package io.smartcarpipeline.support.kafka;

import io.smartcarpipeline.serde.AvroSerdeConfig;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.serde.ConfluentAvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

  /**
   * Idempotent, {@code acks=all} producer of String keys and Avro values, with the user's client
   * settings ({@link KafkaClientSettings}) on top.
   */
  public static Map<String, Object> producerConfig(KafkaClientSettings kafka, String clientId) {
    Map<String, Object> c = new HashMap<>();
    c.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    c.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class);
    return kafka.config(ClientKind.PRODUCER, c);
  }

  /**
   * Read-committed consumer of String keys and generated Avro classes, committing by hand, with the
   * user's client settings on top.
   */
  public static Map<String, Object> consumerConfig(KafkaClientSettings kafka, String groupId) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class);
    c.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    return kafka.config(ClientKind.CONSUMER, c);
  }

  /**
   * An admin client's settings: requests bounded by {@code requestTimeout}, every call by {@code
   * apiTimeout}, so a service that cannot reach or authenticate to Kafka fails at start instead of
   * waiting forever.
   */
  public static Map<String, Object> adminConfig(
      KafkaClientSettings kafka, String clientId, Duration apiTimeout) {
    Map<String, Object> c = new HashMap<>();
    c.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    c.put(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(apiTimeout.toMillis(), 10_000));
    c.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) apiTimeout.toMillis());
    return kafka.config(ClientKind.ADMIN, c);
  }
}
