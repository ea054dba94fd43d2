package io.smartcarpipeline.processors.config;

import io.smartcarpipeline.processors.domain.charging.SessionRules;
import io.smartcarpipeline.processors.topology.TopologyOptions;
import io.smartcarpipeline.support.config.BindAddress;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.TopicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stream processors' settings, loaded once from {@link Settings} (defaults, optional properties
 * file, environment) and validated: a bad value fails at start naming its key.
 *
 * @param kafka every Kafka and registry client setting ({@code KAFKA_*}, {@code SCHEMA_REGISTRY_*})
 * @param port {@code PROCESSORS_PORT}: the query API (0 = any free port)
 * @param bindAddress {@code BIND_ADDRESS}: the interface the query API listens on (default
 *     127.0.0.1, this machine only; the manifests set 0.0.0.0)
 * @param advertisedHost {@code PROCESSORS_ADVERTISED_HOST}: host other instances reach us on
 * @param stateDir {@code PROCESSORS_STATE_DIR}: RocksDB state
 * @param applicationId {@code PROCESSORS_APPLICATION_ID}
 * @param instanceId {@code PROCESSORS_INSTANCE_ID}: when set (a StatefulSet pod's name), the
 *     instance is a static member of the consumer group ({@code group.instance.id}), so a restart
 *     after a crash gets its tasks back without waiting for the old member's session to time out;
 *     it must be unique and stable per instance
 * @param topics {@code TOPIC_REPLICATION_FACTOR} (topics and internal topics) and {@code
 *     TOPIC_PARTITIONS}
 * @param commitInterval {@code PROCESSORS_COMMIT_INTERVAL}
 * @param cacheMaxBytes {@code PROCESSORS_CACHE_MAX_BYTES}
 * @param streamThreads {@code PROCESSORS_STREAM_THREADS}
 * @param eventsInterval {@code PROCESSORS_EVENTS_INTERVAL}: how often {@code GET /events} pushes a
 *     fleet snapshot to the fleet page
 * @param topology dedup retention ({@code PROCESSORS_DEDUP_RETENTION}) and session rules ({@code
 *     PROCESSORS_SESSION_STOP_GAP}, {@code PROCESSORS_SESSION_TIMEOUT}, {@code
 *     PROCESSORS_SESSION_GRACE}, {@code PROCESSORS_SESSION_CHECK_INTERVAL}); query store sizes per
 *     vehicle ({@code PROCESSORS_SESSION_HISTORY}, {@code PROCESSORS_COMMAND_HISTORY}, {@code
 *     PROCESSORS_SOC_HISTORY}); command confirmations ({@code PROCESSORS_CONFIRMATION_WINDOW}: how
 *     long a succeeded command waits for the car's evidence, {@code
 *     PROCESSORS_CONFIRMATION_CHECK_INTERVAL}); {@code PROCESSORS_INCLUDE_TEST_MODE}: whether
 *     Dashboard TEST deliveries change state, sessions and confirmations
 */
public record ProcessorsConfig(
    KafkaClientSettings kafka,
    int port,
    String bindAddress,
    String advertisedHost,
    Path stateDir,
    String applicationId,
    Optional<String> instanceId,
    TopicSettings topics,
    Duration commitInterval,
    long cacheMaxBytes,
    int streamThreads,
    Duration eventsInterval,
    TopologyOptions topology) {

  public static final String PORT = "PROCESSORS_PORT";
  public static final String ADVERTISED_HOST = "PROCESSORS_ADVERTISED_HOST";
  public static final String STATE_DIR = "PROCESSORS_STATE_DIR";
  public static final String APPLICATION_ID = "PROCESSORS_APPLICATION_ID";
  public static final String INSTANCE_ID = "PROCESSORS_INSTANCE_ID";
  public static final String COMMIT_INTERVAL = "PROCESSORS_COMMIT_INTERVAL";
  public static final String CACHE_MAX_BYTES = "PROCESSORS_CACHE_MAX_BYTES";
  public static final String STREAM_THREADS = "PROCESSORS_STREAM_THREADS";
  public static final String DEDUP_RETENTION = "PROCESSORS_DEDUP_RETENTION";
  public static final String SESSION_STOP_GAP = "PROCESSORS_SESSION_STOP_GAP";
  public static final String SESSION_TIMEOUT = "PROCESSORS_SESSION_TIMEOUT";
  public static final String SESSION_GRACE = "PROCESSORS_SESSION_GRACE";
  public static final String SESSION_CHECK_INTERVAL = "PROCESSORS_SESSION_CHECK_INTERVAL";
  public static final String SESSION_HISTORY = "PROCESSORS_SESSION_HISTORY";
  public static final String COMMAND_HISTORY = "PROCESSORS_COMMAND_HISTORY";
  public static final String SOC_HISTORY = "PROCESSORS_SOC_HISTORY";
  public static final String EVENTS_INTERVAL = "PROCESSORS_EVENTS_INTERVAL";
  public static final String CONFIRMATION_WINDOW = "PROCESSORS_CONFIRMATION_WINDOW";
  public static final String CONFIRMATION_CHECK_INTERVAL = "PROCESSORS_CONFIRMATION_CHECK_INTERVAL";
  public static final String INCLUDE_TEST_MODE = "PROCESSORS_INCLUDE_TEST_MODE";

  /** The defaults of this service on top of the common ones. */
  public static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(PORT, "8082");
    d.put(ADVERTISED_HOST, "localhost");
    d.put(
        STATE_DIR,
        Path.of(System.getProperty("java.io.tmpdir"), "smartcar-stream-processors").toString());
    d.put(APPLICATION_ID, "smartcar-stream-processors");
    d.put(COMMIT_INTERVAL, "200ms");
    d.put(CACHE_MAX_BYTES, String.valueOf(10L * 1024 * 1024));
    d.put(STREAM_THREADS, "1");
    d.put(DEDUP_RETENTION, "7d");
    d.put(SESSION_STOP_GAP, "30m");
    d.put(SESSION_TIMEOUT, "6h");
    d.put(SESSION_GRACE, "2h");
    d.put(SESSION_CHECK_INTERVAL, "1m");
    d.put(SESSION_HISTORY, "100");
    d.put(COMMAND_HISTORY, "20");
    d.put(SOC_HISTORY, "360");
    d.put(EVENTS_INTERVAL, "2s");
    d.put(CONFIRMATION_WINDOW, "10m");
    d.put(CONFIRMATION_CHECK_INTERVAL, "10s");
    d.put(INCLUDE_TEST_MODE, "false");
    return CommonSettings.defaultsWith(d);
  }

  /** Loads from the environment map (and the optional properties file it names). */
  public static ProcessorsConfig load(Map<String, String> env) {
    return from(Settings.load(defaults(), env));
  }

  /** Reads and validates the settings; missing keys take this service's defaults. */
  public static ProcessorsConfig from(Settings given) {
    Settings s = Settings.of(defaults()).with(given.asMap());
    int threads = s.intValue(STREAM_THREADS);
    if (threads < 1) {
      throw new ConfigException(STREAM_THREADS, "must be at least 1");
    }
    return new ProcessorsConfig(
        KafkaClientSettings.from(s),
        s.port(PORT),
        BindAddress.from(s),
        s.get(ADVERTISED_HOST),
        Path.of(s.get(STATE_DIR)),
        s.get(APPLICATION_ID),
        s.find(INSTANCE_ID),
        TopicSettings.from(s),
        s.duration(COMMIT_INTERVAL),
        s.longValue(CACHE_MAX_BYTES),
        threads,
        eventsInterval(s),
        topology(s));
  }

  /** {@code KAFKA_BOOTSTRAP_SERVERS}. */
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** {@code SCHEMA_REGISTRY_URL}. */
  public String registryUrl() {
    return kafka.registryUrl();
  }

  /** {@code TOPIC_REPLICATION_FACTOR}. */
  public int replicationFactor() {
    return topics.replicationFactor();
  }

  private static Duration eventsInterval(Settings s) {
    Duration d = s.duration(EVENTS_INTERVAL);
    if (d.toMillis() < 100) {
      throw new ConfigException(EVENTS_INTERVAL, "must be at least 100ms");
    }
    return d;
  }

  private static TopologyOptions topology(Settings s) {
    try {
      return new TopologyOptions(
          s.duration(DEDUP_RETENTION),
          new SessionRules(
              s.duration(SESSION_STOP_GAP), s.duration(SESSION_TIMEOUT), s.duration(SESSION_GRACE)),
          s.duration(SESSION_CHECK_INTERVAL),
          s.intValue(SESSION_HISTORY),
          s.intValue(COMMAND_HISTORY),
          s.intValue(SOC_HISTORY),
          positive(s, CONFIRMATION_WINDOW),
          positive(s, CONFIRMATION_CHECK_INTERVAL),
          s.bool(INCLUDE_TEST_MODE));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("PROCESSORS_SESSION_* / PROCESSORS_*_HISTORY", e.getMessage());
    }
  }

  private static Duration positive(Settings s, String key) {
    Duration d = s.duration(key);
    if (d.isNegative() || d.isZero()) {
      throw new ConfigException(key, "must be a positive duration such as 10m");
    }
    return d;
  }
}
