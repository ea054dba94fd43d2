package io.smartcarpipeline.fleetsync.config;

import io.smartcarpipeline.smartcar.client.SmartcarClientSettings;
import io.smartcarpipeline.smartcar.fleet.SubscriptionPathStyle;
import io.smartcarpipeline.support.config.BindAddress;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.TopicSettings;
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
 * @param smartcar credentials, V3 and IAM origins, token renewal ({@code
 *     FLEET_SYNC_TOKEN_RENEW_BEFORE}), and this process's share of the app-wide bucket, vehicle
 *     spacing and breaker ({@code FLEET_SYNC_RATE_*}, {@code FLEET_SYNC_VEHICLE_SPACING}, {@code
 *     FLEET_SYNC_BREAKER_*})
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
 * @param topics how the topics fleet-sync writes are created at start
 */
public record FleetSyncConfig(
    KafkaClientSettings kafka,
    SmartcarClientSettings smartcar,
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
    TopicSettings topics) {

  public static final String SMARTCAR_CLIENT_ID = SmartcarClientSettings.CLIENT_ID;
  public static final String SMARTCAR_CLIENT_SECRET = SmartcarClientSettings.CLIENT_SECRET;
  public static final String SMARTCAR_API_V3_ORIGIN = SmartcarClientSettings.API_V3_ORIGIN;
  public static final String SMARTCAR_IAM_ORIGIN = SmartcarClientSettings.IAM_ORIGIN;
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

  /**
   * The Smartcar client's keys under {@code FLEET_SYNC_}; the default share is 40 % of the default
   * application bucket (120, +2/min): 48, +0.8/min (smartcar-client/README.md).
   */
  public static final SmartcarClientSettings.Keys SMARTCAR_KEYS =
      new SmartcarClientSettings.Keys("FLEET_SYNC_", 48, 0.8);

  /** The Smartcar origins, without a trailing slash. */
  public record Origins(String vehicleApi, String iam, String management, String compatibility) {}

  /**
   * Defaults of fleet-sync's own keys, the Smartcar client's included (the common ones come from
   * {@link CommonSettings}).
   */
  public static final Map<String, String> DEFAULTS =
      SMARTCAR_KEYS.defaultsWith(
          Map.ofEntries(
              Map.entry(SMARTCAR_MANAGEMENT_API_ORIGIN, "https://management.api.smartcar.com/v3"),
              Map.entry(
                  SMARTCAR_COMPATIBILITY_API_ORIGIN, "https://compatibility.api.smartcar.com/v3"),
              Map.entry(SMARTCAR_WEBHOOK_IDS, ""),
              Map.entry(SMARTCAR_SUBSCRIPTION_PATH_STYLE, "webhook"),
              Map.entry(PORT, "8084"),
              Map.entry(GROUP_ID, "fleet-sync"),
              Map.entry(INTERVAL, "5m"),
              Map.entry(PAGE_SIZE, "100"),
              Map.entry(EXCLUDED_VEHICLES, ""),
              Map.entry(COMPATIBILITY_TTL, "7d"),
              Map.entry(HTTP_TIMEOUT, "30s")));

  /** Reads and validates the settings. */
  public static FleetSyncConfig from(Settings raw) {
    Settings s = Settings.of(CommonSettings.defaultsWith(DEFAULTS)).with(raw.asMap());
    SmartcarClientSettings smartcar = SmartcarClientSettings.from(s, SMARTCAR_KEYS);
    int pageSize = s.intAtLeast(PAGE_SIZE, 1);
    if (pageSize > 100) {
      throw new ConfigException(PAGE_SIZE, "must be at most 100 (Smartcar's page cap)");
    }
    return new FleetSyncConfig(
        KafkaClientSettings.from(s),
        smartcar,
        new Origins(
            smartcar.apiOrigin(),
            smartcar.iamOrigin(),
            SmartcarClientSettings.origin(s, SMARTCAR_MANAGEMENT_API_ORIGIN),
            SmartcarClientSettings.origin(s, SMARTCAR_COMPATIBILITY_API_ORIGIN)),
        List.copyOf(list(s, SMARTCAR_WEBHOOK_IDS)),
        pathStyle(s),
        BindAddress.from(s),
        s.port(PORT),
        s.get(GROUP_ID),
        s.positiveDuration(INTERVAL),
        pageSize,
        Set.copyOf(list(s, EXCLUDED_VEHICLES)),
        s.positiveDuration(COMPATIBILITY_TTL),
        s.positiveDuration(HTTP_TIMEOUT),
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
        + smartcar.budget()
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
}
