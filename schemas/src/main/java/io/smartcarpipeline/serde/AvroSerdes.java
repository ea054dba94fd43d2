package io.smartcarpipeline.serde;

import io.smartcarpipeline.schemas.TopicSpec;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Ready-configured value serdes for the topics of the registry. */
public final class AvroSerdes {

  private AvroSerdes() {}

  /** A configured value serde for {@code topic}'s value type against {@code registryUrl}. */
  public static <V extends SpecificRecord> ConfluentAvroSerde<V> valueSerde(
      TopicSpec<V> topic, String registryUrl) {
    return valueSerde(topic, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
  }

  /** A configured value serde for {@code topic}'s value type with full serde settings. */
  public static <V extends SpecificRecord> ConfluentAvroSerde<V> valueSerde(
      TopicSpec<V> topic, Map<String, ?> configs) {
    ConfluentAvroSerde<V> serde = new ConfluentAvroSerde<>(topic.valueType());
    serde.configure(configs, false);
    return serde;
  }
}
