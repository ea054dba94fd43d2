package io.smartcarpipeline.processors.kafka;

import io.smartcarpipeline.processors.config.ProcessorsConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of the processors: exactly-once v2, RocksDB state under the state
 * dir (changelogs on, replicated per {@code TOPIC_REPLICATION_FACTOR}), String keys, the
 * dead-letter deserialization handler, and {@code application.server} so instances can find each
 * other's keys.
 */
public final class StreamsProperties {

  /**
   * Whether the processing exception handler also covers global stores. The topology has none, so
   * this changes nothing today; Streams warns at every parse of a config without it (its own, and
   * the main consumer's partition assignor's, which sees only the main consumer's settings), and
   * 5.0 makes {@code true} the only behaviour. A literal, because the constant is deprecated for
   * that removal.
   */
  static final String PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED =
      "processing.exception.handler.global.enabled";

  /** Producer batch size: 256 KiB instead of 16 KiB, for catch-up throughput. */
  static final int PRODUCER_BATCH_BYTES = 256 * 1024;

  private StreamsProperties() {}

  /** Properties for {@code config}, advertising the query API on {@code queryPort}. */
  public static Properties of(ProcessorsConfig config, int queryPort) {
    Map<String, Object> p = new HashMap<>();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.cacheMaxBytes());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.advertisedHost() + ":" + queryPort);
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    p.put(PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED, true);
    p.put(StreamsConfig.mainConsumerPrefix(PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED), true);
    // Each event becomes ~12 output and changelog records: fill larger batches per partition
    // (Streams already lingers 100 ms; a transaction commit flushes them anyway, so freshness is
    // bounded by the commit interval, not by these).
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
    config
        .instanceId()
        .ifPresent(
            id ->
                p.put(
                    StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                    config.applicationId() + "-" + id));
    // the user's KAFKA_* / KAFKA_STREAMS_* / SCHEMA_REGISTRY_* settings on top (TLS, SASL, …)
    return config.kafka().streams(p);
  }

  /** The serde settings (for the topology's Avro serdes): the registry URL, TLS and credentials. */
  public static Map<String, Object> serdeConfig(ProcessorsConfig config) {
    return config.kafka().registry();
  }
}
