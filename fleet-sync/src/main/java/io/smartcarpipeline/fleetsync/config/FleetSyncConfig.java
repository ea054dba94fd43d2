package io.smartcarpipeline.fleetsync.config;

import io.smartcarpipeline.smartcar.fleet.SubscriptionPathStyle;
import io.smartcarpipeline.support.config.BindAddress;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.TopicSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * fleet-sync's settings, read once from {@link Settings} and validated: a missing secret or a bad
 * value fails at start naming the key. Secrets are never part of {@link #toString()}.
 *
 * @param kafka every Kafka and registry client setting
 * @param clientId Smartcar client id
 * @param clientSecret Smartcar client secret (never logged)
 * @param origins the four Smartcar origins
 * @param webhookIds the webhooks whose subscriptions are reconciled; empty: none
 * @param pathStyle which management API paths subscriptions use
 * @param bindAddress {@code BIND_ADDRESS}: the interface the HTTP server listens on (default
 *     127.0.0.1, this machine only)
 * @param port HTTP port (POST /sync, health, metrics)
 * @param groupId consumer group of the topics fleet-sync reads (results, events, wishes)
 * @param syncInterval time between scheduled connection syncs
 * @param pageSize page[size] of list calls
 * @param excludedVehicles vehicle ids never subscribed (FLEET_SYNC_EXCLUDED_VEHICLES)
 * @param compatibilityTtl how long a Compatibility API answer is reused per make/model/year
 * @param httpTimeout read timeout of every Smartcar call
 * @param tokenRenewBefore renew the app token this long before it expires
 * @param budget this process's share of the app-wide bucket, vehicle spacing, breaker
 * @param topics how the topics fleet-sync writes are created at start
 */
public record FleetSyncConfig(
    KafkaClientSettings kafka,
    String clientId,
    String clientSecret,
    Origins origins,
    List<String> webhookIds,
    SubscriptionPathStyle pathStyle,
    String bindAddress,
    int port,
    String groupId,
    Duration syncInterval,
    int pageSize,
    Set<String> excludedVehicles,
    Duration compatibilityTtl,
    Duration httpTimeout,
    Duration tokenRenewBefore,
    BudgetSettings budget,
    TopicSettings topics) {

  public static final String SMARTCAR_CLIENT_ID = "SMARTCAR_CLIENT_ID";
  public static final String SMARTCAR_CLIENT_SECRET = "SMARTCAR_CLIENT_SECRET";
  public static final String SMARTCAR_API_V3_ORIGIN = "SMARTCAR_API_V3_ORIGIN";
  public static final String SMARTCAR_IAM_ORIGIN = "SMARTCAR_IAM_ORIGIN";
  public static final String SMARTCAR_MANAGEMENT_API_ORIGIN = "SMARTCAR_MANAGEMENT_API_ORIGIN";
  public static final String SMARTCAR_COMPATIBILITY_API_ORIGIN =
      "SMARTCAR_COMPATIBILITY_API_ORIGIN";
  public static final String SMARTCAR_WEBHOOK_IDS = "SMARTCAR_WEBHOOK_IDS";
  public static final String SMARTCAR_SUBSCRIPTION_PATH_STYLE = "SMARTCAR_SUBSCRIPTION_PATH_STYLE";
  public static final String PORT = "FLEET_SYNC_PORT";
  public static final String GROUP_ID = "FLEET_SYNC_GROUP_ID";
  public static final String INTERVAL = "FLEET_SYNC_INTERVAL";
  public static final String PAGE_SIZE = "FLEET_SYNC_PAGE_SIZE";
  public static final String EXCLUDED_VEHICLES = "FLEET_SYNC_EXCLUDED_VEHICLES";
  public static final String COMPATIBILITY_TTL = "FLEET_SYNC_COMPATIBILITY_TTL";
  public static final String HTTP_TIMEOUT = "FLEET_SYNC_HTTP_TIMEOUT";
  public static final String TOKEN_RENEW_BEFORE = "FLEET_SYNC_TOKEN_RENEW_BEFORE";

  /** The Smartcar origins, without a trailing slash. */
  public record Origins(String vehicleApi, String iam, String management, String compatibility) {}

  /** This process's share of the app-wide budget, and the breaker. */
  public record BudgetSettings(
      int bucketCapacity,
      double refillPerMinute,
      Duration vehicleSpacing,
      int breakerWindow,
      int breakerMinCalls,
      double breakerFailureRate,
      Duration breakerOpenFor) {}

  /** Defaults of fleet-sync's own keys (the common ones come from {@link CommonSettings}). */
  public static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry(SMARTCAR_API_V3_ORIGIN, "https://vehicle.api.smartcar.com/v3"),
          Map.entry(SMARTCAR_IAM_ORIGIN, "https://iam.smartcar.com"),
          Map.entry(SMARTCAR_MANAGEMENT_API_ORIGIN, "https://management.api.smartcar.com/v3"),
          Map.entry(SMARTCAR_COMPATIBILITY_API_ORIGIN, "https://compatibility.api.smartcar.com/v3"),
          Map.entry(SMARTCAR_WEBHOOK_IDS, ""),
          Map.entry(SMARTCAR_SUBSCRIPTION_PATH_STYLE, "webhook"),
          Map.entry(PORT, "8084"),
          Map.entry(GROUP_ID, "fleet-sync"),
          Map.entry(INTERVAL, "5m"),
          Map.entry(PAGE_SIZE, "100"),
          Map.entry(EXCLUDED_VEHICLES, ""),
          Map.entry(COMPATIBILITY_TTL, "7d"),
          Map.entry(HTTP_TIMEOUT, "30s"),
          Map.entry(TOKEN_RENEW_BEFORE, "5m"),
          // 40 % of the default application bucket (120, +2/min): smartcar-client/README.md
          Map.entry("FLEET_SYNC_RATE_BUCKET_CAPACITY", "48"),
          Map.entry("FLEET_SYNC_RATE_REFILL_PER_MINUTE", "0.8"),
          Map.entry("FLEET_SYNC_VEHICLE_SPACING", "1s"),
          Map.entry("FLEET_SYNC_BREAKER_WINDOW", "20"),
          Map.entry("FLEET_SYNC_BREAKER_MIN_CALLS", "10"),
          Map.entry("FLEET_SYNC_BREAKER_FAILURE_RATE", "0.5"),
          Map.entry("FLEET_SYNC_BREAKER_OPEN_FOR", "30s"));

  /** Reads and validates the settings. */
  public static FleetSyncConfig from(Settings raw) {
    Settings s = Settings.of(CommonSettings.defaultsWith(DEFAULTS)).with(raw.asMap());
    BudgetSettings budget =
        new BudgetSettings(
            atLeast(s, "FLEET_SYNC_RATE_BUCKET_CAPACITY", 1),
            s.doubleValue("FLEET_SYNC_RATE_REFILL_PER_MINUTE"),
            s.duration("FLEET_SYNC_VEHICLE_SPACING"),
            atLeast(s, "FLEET_SYNC_BREAKER_WINDOW", 1),
            atLeast(s, "FLEET_SYNC_BREAKER_MIN_CALLS", 1),
            s.doubleValue("FLEET_SYNC_BREAKER_FAILURE_RATE"),
            positive(s, "FLEET_SYNC_BREAKER_OPEN_FOR"));
    if (budget.refillPerMinute() <= 0) {
      throw new ConfigException("FLEET_SYNC_RATE_REFILL_PER_MINUTE", "must be positive");
    }
    if (budget.breakerFailureRate() <= 0 || budget.breakerFailureRate() > 1) {
      throw new ConfigException("FLEET_SYNC_BREAKER_FAILURE_RATE", "must be in (0, 1]");
    }
    int pageSize = atLeast(s, PAGE_SIZE, 1);
    if (pageSize > 100) {
      throw new ConfigException(PAGE_SIZE, "must be at most 100 (Smartcar's page cap)");
    }
    return new FleetSyncConfig(
        KafkaClientSettings.from(s),
        s.require(SMARTCAR_CLIENT_ID, "the client id from the Smartcar Dashboard"),
        s.require(SMARTCAR_CLIENT_SECRET, "the client secret from the Smartcar Dashboard"),
        new Origins(
            url(s, SMARTCAR_API_V3_ORIGIN),
            url(s, SMARTCAR_IAM_ORIGIN),
            url(s, SMARTCAR_MANAGEMENT_API_ORIGIN),
            url(s, SMARTCAR_COMPATIBILITY_API_ORIGIN)),
        List.copyOf(list(s, SMARTCAR_WEBHOOK_IDS)),
        pathStyle(s),
        BindAddress.from(s),
        s.port(PORT),
        s.get(GROUP_ID),
        positive(s, INTERVAL),
        pageSize,
        Set.copyOf(list(s, EXCLUDED_VEHICLES)),
        positive(s, COMPATIBILITY_TTL),
        positive(s, HTTP_TIMEOUT),
        s.duration(TOKEN_RENEW_BEFORE),
        budget,
        TopicSettings.from(s));
  }

  @Override
  public String toString() {
    return "FleetSyncConfig[kafka="
        + kafka.describe()
        + ", origins="
        + origins
        + ", webhookIds="
        + webhookIds
        + ", pathStyle="
        + pathStyle
        + ", bindAddress="
        + bindAddress
        + ", port="
        + port
        + ", groupId="
        + groupId
        + ", syncInterval="
        + syncInterval
        + ", excludedVehicles="
        + excludedVehicles.size()
        + ", budget="
        + budget
        + ", topics="
        + topics
        + ", clientSecret=***]";
  }

  private static SubscriptionPathStyle pathStyle(Settings s) {
    String v = s.get(SMARTCAR_SUBSCRIPTION_PATH_STYLE);
    return SubscriptionPathStyle.parse(v)
        .orElseThrow(
            () ->
                new ConfigException(
                    SMARTCAR_SUBSCRIPTION_PATH_STYLE,
                    "expected 'webhook' (the V3 announcement's /webhooks/{id}/subscriptions) or"
                        + " 'flat' (management.yml's /subscriptions), got '"
                        + v
                        + "'"));
  }

  private static List<String> list(Settings s, String key) {
    // an empty value is an empty list, not a missing setting
    return Arrays.stream(s.find(key).orElse("").split(","))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .distinct()
        .toList();
  }

  private static Duration positive(Settings s, String key) {
    Duration d = s.duration(key);
    if (d.isNegative() || d.isZero()) {
      throw new ConfigException(key, "must be a positive duration, got " + d);
    }
    return d;
  }

  private static int atLeast(Settings s, String key, int min) {
    int v = s.intValue(key);
    if (v < min) {
      throw new ConfigException(key, "must be at least " + min + ", got " + v);
    }
    return v;
  }

  private static String url(Settings s, String key) {
    String v = s.get(key);
    try {
      URI uri = URI.create(v);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "expected an http(s) URL, got '" + v + "'");
    }
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }
}
