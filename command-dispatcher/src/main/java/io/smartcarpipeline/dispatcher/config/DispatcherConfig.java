package io.smartcarpipeline.dispatcher.config;

import io.smartcarpipeline.dispatcher.retry.Backoffs;
import io.smartcarpipeline.dispatcher.retry.RetryPolicy;
import io.smartcarpipeline.smartcar.budget.BudgetSettings;
import io.smartcarpipeline.smartcar.client.SmartcarClientSettings;
import io.smartcarpipeline.support.config.BindAddress;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Redaction;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.TopicSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The dispatcher's settings, read once from {@link Settings} and validated: a missing secret or a
 * bad value fails at start with the key's name. Secrets are never part of {@link #toString()}.
 *
 * @param kafka every Kafka and registry client setting ({@code KAFKA_*}, {@code SCHEMA_REGISTRY_*})
 * @param smartcar credentials, V3 and IAM origins, token renewal ({@code
 *     DISPATCHER_TOKEN_RENEW_BEFORE}), and the app-wide bucket share, vehicle spacing and breaker
 *     ({@code DISPATCHER_RATE_*}, {@code DISPATCHER_VEHICLE_SPACING}, {@code DISPATCHER_BREAKER_*})
 * @param port health and metrics port
 * @param bindAddress {@code BIND_ADDRESS}: the interface health and metrics listen on (default
 *     127.0.0.1, this machine only; the manifests set 0.0.0.0)
 * @param groupId consumer group; also names the internal ledger topic ({@code <groupId>-ledger-v2})
 * @param instanceId stable per instance; the transactional id is {@code <groupId>-<instanceId>}
 * @param commandMaxAge a command older than this (from requestedAt) is EXPIRED, whatever expiresAt
 * @param readTimeout HTTP read timeout of command calls (at least 310 s against the real API)
 * @param retry retry settings
 * @param maxInFlight consumed-but-unfinished commands above which partitions are paused
 * @param shutdownGrace how long close() lets calls already on the wire finish
 * @param topics how the topics the dispatcher writes are created at start
 * @param httpMaxConnections HTTP/1.1 connections to Smartcar at most; a command call holds one for
 *     its whole duration (up to the read timeout), so this caps the calls on the wire at once
 * @param stateReadDelay after an ambiguous answer (504, timeout, PENDING), how long to let the car
 *     report before reading its signals
 * @param oemRateLimitHold after {@code UPSTREAM:RATE_LIMIT}, how long the vehicle is not called
 * @param ledgerMaxBlock the ledger producer's {@code max.block.ms}: how long writing an attempt
 *     marker may wait for metadata or buffer space before the attempt fails (it waits on the
 *     producer's own thread, never on the event loop)
 */
public record DispatcherConfig(
    KafkaClientSettings kafka,
    SmartcarClientSettings smartcar,
    int port,
    String bindAddress,
    String groupId,
    String instanceId,
    Duration commandMaxAge,
    Duration readTimeout,
    RetrySettings retry,
    int maxInFlight,
    Duration shutdownGrace,
    TopicSettings topics,
    int httpMaxConnections,
    Duration stateReadDelay,
    Duration oemRateLimitHold,
    Duration ledgerMaxBlock) {

  public static final String SMARTCAR_CLIENT_ID = SmartcarClientSettings.CLIENT_ID;
  public static final String SMARTCAR_CLIENT_SECRET = SmartcarClientSettings.CLIENT_SECRET;
  public static final String SMARTCAR_API_V3_ORIGIN = SmartcarClientSettings.API_V3_ORIGIN;
  public static final String SMARTCAR_IAM_ORIGIN = SmartcarClientSettings.IAM_ORIGIN;
  public static final String PORT = "DISPATCHER_PORT";
  public static final String GROUP_ID = "DISPATCHER_GROUP_ID";
  public static final String INSTANCE_ID = "DISPATCHER_INSTANCE_ID";
  public static final String COMMAND_MAX_AGE = "DISPATCHER_COMMAND_MAX_AGE";
  public static final String READ_TIMEOUT = "DISPATCHER_READ_TIMEOUT";
  public static final String MAX_IN_FLIGHT = "DISPATCHER_MAX_IN_FLIGHT";
  public static final String SHUTDOWN_GRACE = "DISPATCHER_SHUTDOWN_GRACE";
  public static final String HTTP_MAX_CONNECTIONS = "DISPATCHER_HTTP_MAX_CONNECTIONS";
  public static final String STATE_READ_DELAY = "DISPATCHER_STATE_READ_DELAY";
  public static final String OEM_RATE_LIMIT_HOLD = "DISPATCHER_OEM_RATE_LIMIT_HOLD";
  public static final String LEDGER_MAX_BLOCK = "DISPATCHER_LEDGER_MAX_BLOCK";

  /**
   * The Smartcar client's keys under {@code DISPATCHER_}; the default share is 60 % of the default
   * application bucket (120, +2/min): 72, +1.2/min (smartcar-client/README.md).
   */
  public static final SmartcarClientSettings.Keys SMARTCAR_KEYS =
      new SmartcarClientSettings.Keys("DISPATCHER_", 72, 1.2);

  /** Retry settings; see {@link RetryPolicy}. */
  public record RetrySettings(
      int maxAttempts,
      Duration maxTotalTime,
      Duration initialBackoff,
      Duration maxBackoff,
      double multiplier,
      List<Duration> vehicleSchedule,
      Duration maxRetryAfter) {

    /** The policy, with the clock and random source to use. */
    public RetryPolicy policy(Clock clock, Random random) {
      return RetryPolicy.builder()
          .maxAttempts(maxAttempts)
          .maxTotalTime(maxTotalTime)
          .transientBackoff(
              Backoffs.exponentialWithFullJitter(initialBackoff, multiplier, maxBackoff))
          .vehicleBackoff(Backoffs.schedule(vehicleSchedule))
          .maxRetryAfter(maxRetryAfter)
          .clock(clock)
          .random(random)
          .build();
    }
  }

  /**
   * Defaults of the dispatcher's own keys, the Smartcar client's included (the common ones come
   * from {@link CommonSettings}).
   */
  public static final Map<String, String> DEFAULTS =
      SMARTCAR_KEYS.defaultsWith(
          Map.ofEntries(
              Map.entry(PORT, "8083"),
              Map.entry(GROUP_ID, "command-dispatcher"),
              Map.entry(COMMAND_MAX_AGE, "10m"),
              Map.entry(READ_TIMEOUT, "310s"),
              Map.entry(MAX_IN_FLIGHT, "5000"),
              Map.entry(SHUTDOWN_GRACE, "30s"),
              Map.entry(HTTP_MAX_CONNECTIONS, "5000"),
              Map.entry(STATE_READ_DELAY, "5s"),
              Map.entry(OEM_RATE_LIMIT_HOLD, "6h"),
              Map.entry(LEDGER_MAX_BLOCK, "2s"),
              Map.entry("DISPATCHER_RETRY_MAX_ATTEMPTS", "6"),
              Map.entry("DISPATCHER_RETRY_MAX_TOTAL_TIME", "30m"),
              Map.entry("DISPATCHER_RETRY_INITIAL_BACKOFF", "1s"),
              Map.entry("DISPATCHER_RETRY_MAX_BACKOFF", "60s"),
              Map.entry("DISPATCHER_RETRY_MULTIPLIER", "2"),
              Map.entry("DISPATCHER_RETRY_VEHICLE_SCHEDULE", "1m,5m,15m"),
              Map.entry("DISPATCHER_RETRY_MAX_RETRY_AFTER", "15m")));

  /** Reads and validates the settings. */
  public static DispatcherConfig from(Settings raw) {
    Settings s = Settings.of(CommonSettings.defaultsWith(DEFAULTS)).with(raw.asMap());
    Duration readTimeout = s.positiveDuration(READ_TIMEOUT);
    RetrySettings retry =
        new RetrySettings(
            s.intValue("DISPATCHER_RETRY_MAX_ATTEMPTS"),
            s.positiveDuration("DISPATCHER_RETRY_MAX_TOTAL_TIME"),
            s.positiveDuration("DISPATCHER_RETRY_INITIAL_BACKOFF"),
            s.positiveDuration("DISPATCHER_RETRY_MAX_BACKOFF"),
            s.doubleValue("DISPATCHER_RETRY_MULTIPLIER"),
            schedule(s, "DISPATCHER_RETRY_VEHICLE_SCHEDULE"),
            s.duration("DISPATCHER_RETRY_MAX_RETRY_AFTER"));
    try {
      retry.policy(Clock.systemUTC(), new Random()); // validates every retry value at start
    } catch (IllegalArgumentException e) {
      throw new ConfigException("DISPATCHER_RETRY_*", e.getMessage());
    }
    return new DispatcherConfig(
        KafkaClientSettings.from(s),
        SmartcarClientSettings.from(s, SMARTCAR_KEYS),
        s.port(PORT),
        BindAddress.from(s),
        s.get(GROUP_ID),
        s.find(INSTANCE_ID).orElseGet(DispatcherConfig::hostName),
        s.positiveDuration(COMMAND_MAX_AGE),
        readTimeout,
        retry,
        s.intAtLeast(MAX_IN_FLIGHT, 1),
        s.duration(SHUTDOWN_GRACE),
        TopicSettings.from(s),
        s.intAtLeast(HTTP_MAX_CONNECTIONS, 1),
        s.duration(STATE_READ_DELAY),
        s.positiveDuration(OEM_RATE_LIMIT_HOLD),
        s.positiveDuration(LEDGER_MAX_BLOCK));
  }

  /** {@value #SMARTCAR_API_V3_ORIGIN}, without a trailing slash. */
  public String apiOrigin() {
    return smartcar.apiOrigin();
  }

  /** {@value #SMARTCAR_IAM_ORIGIN}, without a trailing slash. */
  public String iamOrigin() {
    return smartcar.iamOrigin();
  }

  /** The app-wide bucket share, vehicle spacing and breaker. */
  public BudgetSettings budget() {
    return smartcar.budget();
  }

  /** {@code KAFKA_BOOTSTRAP_SERVERS}. */
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** {@code SCHEMA_REGISTRY_URL}. */
  public String registryUrl() {
    return kafka.registryUrl();
  }

  /** The Kafka transactional id of this instance. */
  public String transactionalId() {
    return groupId + "-" + instanceId;
  }

  @Override
  public String toString() {
    return "DispatcherConfig[kafka="
        + kafka.describe()
        + ", apiOrigin="
        + apiOrigin()
        + ", iamOrigin="
        + iamOrigin()
        + ", port="
        + port
        + ", groupId="
        + groupId
        + ", instanceId="
        + instanceId
        + ", topics="
        + topics
        + ", clientSecret="
        + Redaction.HIDDEN
        + "]";
  }

  private static List<Duration> schedule(Settings s, String key) {
    return Arrays.stream(s.get(key).split(","))
        .map(String::trim)
        .map(part -> Settings.of(Map.of(key, part)).duration(key))
        .toList();
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "0";
    }
  }
}
