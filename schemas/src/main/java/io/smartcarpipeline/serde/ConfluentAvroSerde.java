package io.smartcarpipeline.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for one generated Avro class in the Confluent wire format; the counterpart of Confluent's
 * {@code SpecificAvroSerde}, with the same config keys.
 *
 * @param <T> generated record type
 */
public class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final ConfluentAvroSerializer<T> serializer;
  private final ConfluentAvroDeserializer<T> deserializer;

  public ConfluentAvroSerde(Class<T> type) {
    this.serializer = new ConfluentAvroSerializer<>();
    this.deserializer = new ConfluentAvroDeserializer<>(type);
  }

  public ConfluentAvroSerde(Class<T> type, SchemaRegistryClient client, Map<String, ?> configs) {
    this.serializer = new ConfluentAvroSerializer<>(client, configs);
    this.deserializer = new ConfluentAvroDeserializer<>(type, client, configs);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
