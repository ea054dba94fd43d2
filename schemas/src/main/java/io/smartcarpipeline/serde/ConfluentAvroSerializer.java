package io.smartcarpipeline.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the Confluent wire format, registering or looking up their schema under
 * the TopicNameStrategy subject ({@code <topic>-value}, or {@code <topic>-key} for keys). Takes
 * Confluent's config keys (see {@link AvroSerdeConfig}), so Confluent's {@code KafkaAvroSerializer}
 * can replace it by class name and read the same bytes.
 *
 * @param <T> record type (generated specific records, or any {@link IndexedRecord})
 */
public class ConfluentAvroSerializer<T extends IndexedRecord> implements Serializer<T> {

  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
  private final Map<String, Integer> latestIds = new ConcurrentHashMap<>();
  private SchemaRegistryClient client;
  private AvroSerdeConfig config;
  private boolean isKey;

  /** For Kafka's class-name configuration; {@link #configure} must be called. */
  public ConfluentAvroSerializer() {}

  /** With a given client, for tests and callers that manage their own. */
  public ConfluentAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs) {
    this.client = client;
    this.config = AvroSerdeConfig.from(configs);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    this.config = AvroSerdeConfig.from(configs);
    if (client == null) {
      client = SchemaRegistryClients.forConfig(config);
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new SerializationException(
          "ConfluentAvroSerializer is not configured: pass schema.registry.url in the client config");
    }
    Schema schema = data.getSchema();
    int id = schemaId(subject(topic), schema);
    try {
      EncodeBuffer out = EncodeBuffer.forThisThread();
      out.writeHeader(id);
      BinaryEncoder encoder = out.encoder();
      writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(data, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      EncodeBuffer.discardThisThread();
      throw new SerializationException(
          "Could not encode " + schema.getFullName() + " for topic " + topic + ": " + e, e);
    }
  }

  private int schemaId(String subject, Schema schema) {
    if (config.autoRegister()) {
      return client.register(subject, schema);
    }
    if (config.useLatestVersion()) {
      return latestIds.computeIfAbsent(subject, s -> latestMatching(s, schema));
    }
    return client.lookup(subject, schema);
  }

  private int latestMatching(String subject, Schema schema) {
    SchemaRegistryClient.RegisteredSchema latest = client.latest(subject);
    if (!latest.schema().equals(schema)) {
      throw new SerializationException(
          "use.latest.version: the latest schema of "
              + subject
              + " (version "
              + latest.version()
              + ", id "
              + latest.id()
              + ") differs from the record's schema "
              + schema.getFullName()
              + "; upgrade the producer or register the record's schema");
    }
    return latest.id();
  }

  private String subject(String topic) {
    return topic + (isKey ? "-key" : "-value");
  }
}
