package io.smartcarpipeline.schemas;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One topic of the pipeline: its name, key and value types, the single service that writes it, and
 * the default topic configuration used when a service creates it.
 *
 * @param name topic name
 * @param keyType key type (the Smartcar vehicle id as a UTF-8 string for every topic here)
 * @param valueType Avro record written as the value, in the Confluent wire format
 * @param writer the one service allowed to produce to the topic
 * @param partitions default partition count
 * @param config default topic configs (cleanup.policy, retention.ms, …)
 * @param <V> value type
 */
public record TopicSpec<V extends SpecificRecord>(
    String name,
    Class<String> keyType,
    Class<V> valueType,
    Writer writer,
    int partitions,
    Map<String, String> config) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(writer, "writer");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1 for " + name);
    }
    config = Map.copyOf(config);
  }

  /** The Schema Registry subject of the value under TopicNameStrategy. */
  public String valueSubject() {
    return name + "-value";
  }

  /** Whether the topic keeps only the newest record per key. */
  public boolean compacted() {
    return config.getOrDefault("cleanup.policy", "delete").contains("compact");
  }

  /** Who writes a topic. */
  public enum Writer {
    INGEST_GATEWAY("ingest-gateway"),
    STREAM_PROCESSORS("stream-processors"),
    COMMAND_DISPATCHER("command-dispatcher"),
    FLEET_SYNC("fleet-sync"),
    ORCHESTRATORS("orchestrators and the CLI"),
    ANY_SERVICE("any service");

    private final String label;

    Writer(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
