package io.smartcarpipeline.gateway.config;

import io.smartcarpipeline.gateway.client.SourcePolicy;
import io.smartcarpipeline.gateway.http.ServerLimits;
import io.smartcarpipeline.support.config.BindAddress;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Redaction;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.TopicSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's settings, validated once at start. Rule: a missing management token or a bad value
 * stops the service with a {@link ConfigException} naming the setting; secrets never appear in
 * {@link #toString()}.
 *
 * @param port HTTP port ({@value #PORT}, 0 = pick a free one)
 * @param bindAddress the interface to listen on ({@code BIND_ADDRESS}, default 127.0.0.1: this
 *     machine only; the container image sets 0.0.0.0)
 * @param managementToken Smartcar Application Management Token ({@value #MANAGEMENT_TOKEN}): the
 *     HMAC key of SC-Signature and of the VERIFY challenge
 * @param previousManagementToken the token being rotated out ({@value #MANAGEMENT_TOKEN_PREVIOUS}),
 *     still accepted for signatures
 * @param kafka every Kafka and registry client setting ({@code KAFKA_*}, {@code SCHEMA_REGISTRY_*})
 * @param produceTimeout how long a delivery may wait for the broker's ack before it gets a 503
 * @param retryAfter what the 503 tells the sender in {@code Retry-After}
 * @param maxBodyBytes bodies larger than this get a 413
 * @param instances HTTP verticle instances (event loops serving requests)
 * @param readinessInterval how often Kafka and the registry are probed for {@code /health/ready}
 * @param topics how the topics the gateway writes are created at start if missing
 * @param serverLimits the HTTP server's timeouts and connection limit
 * @param sourcePolicy the optional source allow-list, the trusted proxies and the per-client limit
 *     on signature failures
 */
public record GatewayConfig(
    int port,
    String bindAddress,
    String managementToken,
    Optional<String> previousManagementToken,
    KafkaClientSettings kafka,
    Duration produceTimeout,
    Duration retryAfter,
    int maxBodyBytes,
    int instances,
    Duration readinessInterval,
    TopicSettings topics,
    ServerLimits serverLimits,
    SourcePolicy sourcePolicy) {

  public static final String PORT = "GATEWAY_PORT";
  public static final String MANAGEMENT_TOKEN = "SMARTCAR_MANAGEMENT_TOKEN";
  public static final String MANAGEMENT_TOKEN_PREVIOUS = "SMARTCAR_MANAGEMENT_TOKEN_PREVIOUS";
  public static final String PRODUCE_TIMEOUT = "GATEWAY_PRODUCE_TIMEOUT";
  public static final String RETRY_AFTER = "GATEWAY_RETRY_AFTER";
  public static final String MAX_BODY_BYTES = "GATEWAY_MAX_BODY_BYTES";
  public static final String INSTANCES = "GATEWAY_INSTANCES";
  public static final String READINESS_INTERVAL = "GATEWAY_READINESS_INTERVAL";

  /** Smartcar counts a delivery as failed after 15 s; the produce bound must stay well under. */
  static final Duration SMARTCAR_TIMEOUT = Duration.ofSeconds(15);

  /** The gateway's own defaults, on top of {@link CommonSettings#DEFAULTS}. */
  public static final Map<String, String> DEFAULTS =
      CommonSettings.defaultsWith(
          withServerLimits(
              Map.of(
                  PORT, "8080",
                  PRODUCE_TIMEOUT, "5s",
                  RETRY_AFTER, "25s",
                  MAX_BODY_BYTES, String.valueOf(64 * 1024),
                  INSTANCES, String.valueOf(Runtime.getRuntime().availableProcessors()),
                  READINESS_INTERVAL, "2s")));

  private static Map<String, String> withServerLimits(Map<String, String> defaults) {
    Map<String, String> all = new java.util.HashMap<>(ServerLimits.DEFAULTS);
    all.putAll(SourcePolicy.DEFAULTS);
    all.putAll(defaults);
    return all;
  }

  public GatewayConfig {
    if (managementToken == null || managementToken.isBlank()) {
      throw new ConfigException(MANAGEMENT_TOKEN, "must not be blank");
    }
    if (produceTimeout.isNegative()
        || produceTimeout.isZero()
        || produceTimeout.compareTo(SMARTCAR_TIMEOUT.minusSeconds(5)) > 0) {
      throw new ConfigException(
          PRODUCE_TIMEOUT, "must be above 0 and at most 10s (Smartcar gives up after 15s)");
    }
    if (maxBodyBytes < 1024) {
      throw new ConfigException(MAX_BODY_BYTES, "must be at least 1024 bytes");
    }
    if (instances < 1) {
      throw new ConfigException(INSTANCES, "must be at least 1");
    }
    if (readinessInterval.isNegative() || readinessInterval.isZero()) {
      throw new ConfigException(READINESS_INTERVAL, "must be above 0");
    }
  }

  /** Reads and validates the gateway's settings; {@code settings} already holds the defaults. */
  public static GatewayConfig from(Settings settings) {
    Settings s = Settings.of(DEFAULTS).with(settings.asMap());
    return new GatewayConfig(
        s.port(PORT),
        BindAddress.from(s),
        s.require(
            MANAGEMENT_TOKEN,
            "the Application Management Token from the Smartcar Dashboard, used to verify"
                + " SC-Signature and answer VERIFY"),
        s.find(MANAGEMENT_TOKEN_PREVIOUS),
        KafkaClientSettings.from(s),
        s.duration(PRODUCE_TIMEOUT),
        s.duration(RETRY_AFTER),
        s.intValue(MAX_BODY_BYTES),
        s.intValue(INSTANCES),
        s.duration(READINESS_INTERVAL),
        TopicSettings.from(s),
        ServerLimits.from(s),
        SourcePolicy.from(s));
  }

  /** Loads defaults, the optional properties file, then {@code env} (e.g. System.getenv()). */
  public static GatewayConfig load(Map<String, String> env) {
    return from(Settings.load(DEFAULTS, env));
  }

  /** {@code KAFKA_BOOTSTRAP_SERVERS}. */
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** {@code SCHEMA_REGISTRY_URL}. */
  public String schemaRegistryUrl() {
    return kafka.registryUrl();
  }

  @Override
  public String toString() {
    return "GatewayConfig[port="
        + port
        + ", bindAddress="
        + bindAddress
        + ", managementToken="
        + Redaction.HIDDEN
        + ", previousManagementToken="
        + (previousManagementToken.isPresent() ? Redaction.HIDDEN : "none")
        + ", kafka="
        + kafka.describe()
        + ", produceTimeout="
        + produceTimeout
        + ", retryAfter="
        + retryAfter
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", instances="
        + instances
        + ", readinessInterval="
        + readinessInterval
        + ", topics="
        + topics
        + ", serverLimits="
        + serverLimits
        + ", sourcePolicy="
        + sourcePolicy
        + "]";
  }
}
