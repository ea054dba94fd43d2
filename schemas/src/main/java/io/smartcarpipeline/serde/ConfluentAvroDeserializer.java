package io.smartcarpipeline.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format: checks the magic byte, fetches the writer schema by id (once,
 * then cached) and decodes it into the reader's schema, so records written with an older or newer
 * compatible schema still read. Given a target class it returns that generated class; without one
 * it returns generated classes when {@code specific.avro.reader=true}, else generic records.
 * Anything it cannot read is a {@link SerializationException}, never a silent null.
 *
 * @param <T> record type
 */
public class ConfluentAvroDeserializer<T> implements Deserializer<T> {

  /**
   * One decoder per thread, re-pointed at each record's bytes (decoded values never share them:
   * strings and bytes are copied out). Instances are shared by stream threads, hence per thread.
   */
  private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

  private final Class<T> type;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
  private SchemaRegistryClient client;
  private AvroSerdeConfig config;

  /** For Kafka's class-name configuration; {@link #configure} must be called. */
  public ConfluentAvroDeserializer() {
    this(null);
  }

  /** Always reads into {@code type}, a generated Avro class. */
  public ConfluentAvroDeserializer(Class<T> type) {
    this.type = type;
  }

  /** With a given client, for tests and callers that manage their own. */
  public ConfluentAvroDeserializer(
      Class<T> type, SchemaRegistryClient client, Map<String, ?> configs) {
    this.type = type;
    this.client = client;
    this.config = AvroSerdeConfig.from(configs);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs);
    if (client == null) {
      client = SchemaRegistryClients.forConfig(config);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new SerializationException(
          "ConfluentAvroDeserializer is not configured: pass schema.registry.url in the client config");
    }
    int id = WireFormat.schemaId(topic, data);
    DatumReader<Object> reader = readers.computeIfAbsent(id, this::readerFor);
    try {
      BinaryDecoder decoder =
          DecoderFactory.get()
              .binaryDecoder(
                  data,
                  WireFormat.HEADER_SIZE,
                  data.length - WireFormat.HEADER_SIZE,
                  DECODERS.get());
      DECODERS.set(decoder);
      return (T) reader.read(null, decoder);
    } catch (Exception e) {
      throw new SerializationException(
          "Could not decode a record of topic " + topic + " with schema id " + id + ": " + e, e);
    }
  }

  private DatumReader<Object> readerFor(int id) {
    Schema writer = client.byId(id);
    if (type != null) {
      Schema reader = SpecificData.get().getSchema(type);
      return new SpecificDatumReader<>(writer, reader);
    }
    if (config != null && config.specificReader()) {
      Class<?> generated = SpecificData.get().getClass(writer);
      if (generated == null) {
        throw new SerializationException(
            "specific.avro.reader=true but no generated class "
                + writer.getFullName()
                + " is on the classpath (schema id "
                + id
                + ")");
      }
      return new SpecificDatumReader<>(writer, SpecificData.get().getSchema(generated));
    }
    return new GenericDatumReader<>(writer);
  }
}
