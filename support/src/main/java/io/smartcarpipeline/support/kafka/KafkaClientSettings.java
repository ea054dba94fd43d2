package io.smartcarpipeline.support.kafka;

import io.smartcarpipeline.serde.AvroSerdeConfig;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Redaction;
import io.smartcarpipeline.support.config.Settings;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Kafka and schema-registry client setting a service was given, by one prefix convention, so
 * that TLS, SASL and registry authentication reach every client of every service at once.
 *
 * <ul>
 *   <li>{@code KAFKA_<PROPERTY>}: a Kafka client property for every kind of client that knows it
 *       ({@code KAFKA_SECURITY_PROTOCOL} → {@code security.protocol}, {@code
 *       KAFKA_SASL_JAAS_CONFIG} → {@code sasl.jaas.config}): the name without the prefix, lower
 *       case, {@code _} read as {@code .}.
 *   <li>{@code KAFKA_PRODUCER_…}, {@code KAFKA_CONSUMER_…}, {@code KAFKA_ADMIN_…}, {@code
 *       KAFKA_STREAMS_…}: the same for one kind only; these win over the common ones and are passed
 *       on even when Kafka does not know them (plug-ins read their own properties).
 *   <li>{@code SCHEMA_REGISTRY_<SETTING>}: Confluent's registry client settings: {@code
 *       SCHEMA_REGISTRY_URL} → {@code schema.registry.url}, {@code
 *       SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION} → {@code schema.registry.ssl.truststore.location},
 *       and {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO} → {@code basic.auth.user.info}.
 * </ul>
 *
 * <p>A properties file (see {@link Settings}) may spell the same keys {@code
 * kafka.security.protocol}. Rules: a common {@code KAFKA_} setting that no kind of client knows is
 * ignored with a warning (Kubernetes adds {@code KAFKA_PORT} for a Service named kafka); a property
 * the pipeline's guarantees rest on ({@code acks}, {@code enable.idempotence}, {@code
 * isolation.level}, serializers, …) cannot be set and stops the service naming the setting.
 */
public final class KafkaClientSettings {

  /** The common prefix of Kafka client settings. */
  public static final String PREFIX = "KAFKA_";

  /** The prefix of schema-registry client settings. */
  public static final String REGISTRY_PREFIX = "SCHEMA_REGISTRY_";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaClientSettings.class);

  /** Properties a user may not change, and why. */
  private static final Map<String, String> FIXED =
      Map.ofEntries(
          Map.entry("acks", "the gateway answers 2xx only after acks=all"),
          Map.entry("enable.idempotence", "producers must not duplicate on retry"),
          Map.entry("transactional.id", "set by the service from its own setting"),
          Map.entry("isolation.level", "consumers read only committed records"),
          Map.entry("enable.auto.commit", "offsets move only after the outcome is written"),
          Map.entry("group.id", "set by the service from its own setting"),
          Map.entry("application.id", "set by PROCESSORS_APPLICATION_ID"),
          Map.entry("processing.guarantee", "the processors run exactly_once_v2"),
          Map.entry("key.serializer", "records are String keys and Avro values"),
          Map.entry("value.serializer", "records are String keys and Avro values"),
          Map.entry("key.deserializer", "records are String keys and Avro values"),
          Map.entry("value.deserializer", "records are String keys and Avro values"));

  private final String bootstrapServers;
  private final Map<String, String> common;
  private final Map<ClientKind, Map<String, String>> perKind;
  private final Map<String, String> registry;

  private KafkaClientSettings(
      String bootstrapServers,
      Map<String, String> common,
      Map<ClientKind, Map<String, String>> perKind,
      Map<String, String> registry) {
    this.bootstrapServers = bootstrapServers;
    this.common = common;
    this.perKind = perKind;
    this.registry = registry;
  }

  /**
   * Reads every {@code KAFKA_*} and {@code SCHEMA_REGISTRY_*} setting.
   *
   * @throws ConfigException naming the setting when one is missing, fixed or invalid
   */
  public static KafkaClientSettings from(Settings settings) {
    Settings s = Settings.of(CommonSettings.DEFAULTS).with(settings.asMap());
    String bootstrap = s.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS);
    Map<ClientKind, Map<String, String>> perKind = new EnumMap<>(ClientKind.class);
    for (ClientKind kind : ClientKind.values()) {
      perKind.put(kind, properties(s.withPrefix(kind.prefix()), kind.prefix()));
    }
    Map<String, String> common = new TreeMap<>();
    s.withPrefix(PREFIX)
        .forEach(
            (rest, value) -> {
              if (isPerKind(rest)) {
                return;
              }
              String property = property(rest);
              rejectFixed(PREFIX + rest, property);
              if (java.util.Arrays.stream(ClientKind.values()).noneMatch(k -> k.knows(property))) {
                LOG.warn(
                    "kafka_setting_ignored setting={}{} reason=no_kafka_client_property_{}",
                    PREFIX,
                    rest,
                    property);
                return;
              }
              common.put(property, value);
            });
    KafkaClientSettings out =
        new KafkaClientSettings(bootstrap, Map.copyOf(common), perKind, registry(s));
    out.checkRegistry();
    return out;
  }

  /** Plain, unsecured settings: a broker and a registry URL (tests, embedded use, benchmarks). */
  public static KafkaClientSettings plain(String bootstrapServers, String registryUrl) {
    return from(
        Settings.of(
            Map.of(
                CommonSettings.KAFKA_BOOTSTRAP_SERVERS,
                bootstrapServers,
                CommonSettings.SCHEMA_REGISTRY_URL,
                registryUrl)));
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** {@code schema.registry.url}. */
  public String registryUrl() {
    return registry.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
  }

  /** The service's own properties ({@code ours}) with the user's settings for this kind on top. */
  public Map<String, Object> config(ClientKind kind, Map<String, Object> ours) {
    Map<String, Object> c = new HashMap<>(ours);
    c.put("bootstrap.servers", bootstrapServers);
    common.forEach(
        (k, v) -> {
          if (kind.knows(k)) {
            c.put(k, v);
          }
        });
    c.putAll(perKind.get(kind));
    if (kind != ClientKind.ADMIN) {
      c.putAll(registry);
    }
    return c;
  }

  /** {@link #config} as {@link Properties}, as Kafka Streams takes them. */
  public Properties streams(Map<String, Object> ours) {
    Properties p = new Properties();
    p.putAll(config(ClientKind.STREAMS, ours));
    return p;
  }

  /** The schema-registry client settings under Confluent's keys, for serdes built by hand. */
  public Map<String, Object> registry() {
    return Map.copyOf(registry);
  }

  /** Every client setting as it may be logged: secrets hidden. */
  public Map<String, String> describe() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("bootstrap.servers", bootstrapServers);
    all.putAll(common);
    perKind.forEach((kind, props) -> props.forEach((k, v) -> all.put(kind.word() + "." + k, v)));
    all.putAll(registry);
    return Redaction.map(all);
  }

  @Override
  public String toString() {
    return "KafkaClientSettings" + describe();
  }

  private void checkRegistry() {
    try {
      AvroSerdeConfig.from(registry);
    } catch (org.apache.kafka.common.config.ConfigException e) {
      throw new ConfigException(settingOf(e), Redaction.url(String.valueOf(e.getMessage())));
    }
  }

  /** The environment name of the registry property a Kafka ConfigException complains about. */
  private static String settingOf(org.apache.kafka.common.config.ConfigException e) {
    String message = String.valueOf(e.getMessage());
    return registryKeys().stream()
        .filter(message::contains)
        .findFirst()
        .map(KafkaClientSettings::registrySetting)
        .orElse(REGISTRY_PREFIX + "*");
  }

  private static List<String> registryKeys() {
    return List.of(
        AvroSerdeConfig.BASIC_AUTH_USER_INFO,
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
        AvroSerdeConfig.REQUEST_TIMEOUT_MS,
        "schema.registry.ssl.truststore.location",
        "schema.registry.ssl.keystore.location",
        AvroSerdeConfig.SCHEMA_REGISTRY_URL);
  }

  private static String registrySetting(String property) {
    String rest =
        property.startsWith("schema.registry.")
            ? property.substring("schema.registry.".length())
            : property;
    return REGISTRY_PREFIX + rest.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static Map<String, String> registry(Settings s) {
    Map<String, String> out = new TreeMap<>();
    s.withPrefix(REGISTRY_PREFIX)
        .forEach(
            (rest, value) ->
                out.put(
                    rest.startsWith("BASIC_AUTH_")
                        ? property(rest)
                        : "schema.registry." + property(rest),
                    value));
    if (out.containsKey(AvroSerdeConfig.BASIC_AUTH_USER_INFO)) {
      out.putIfAbsent(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
    }
    return Map.copyOf(out);
  }

  private static Map<String, String> properties(Map<String, String> settings, String prefix) {
    Map<String, String> out = new TreeMap<>();
    settings.forEach(
        (rest, value) -> {
          String property = property(rest);
          rejectFixed(prefix + rest, property);
          out.put(property, value);
        });
    return Map.copyOf(out);
  }

  private static void rejectFixed(String setting, String property) {
    Optional.ofNullable(FIXED.get(property))
        .ifPresent(
            why -> {
              throw new ConfigException(setting, "cannot be set: " + why);
            });
  }

  private static boolean isPerKind(String rest) {
    return java.util.Arrays.stream(ClientKind.values())
        .anyMatch(k -> rest.startsWith(k.name() + "_"));
  }

  /** {@code SASL_JAAS_CONFIG} → {@code sasl.jaas.config}. */
  static String property(String rest) {
    return rest.toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
