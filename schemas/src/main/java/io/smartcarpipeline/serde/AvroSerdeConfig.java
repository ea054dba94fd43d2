package io.smartcarpipeline.serde;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the Avro serde, under Confluent's own config keys, so that a configuration written
 * for Confluent's {@code KafkaAvroSerializer} / {@code SpecificAvroSerde} works unchanged with ours
 * and the other way round.
 *
 * @param registryUrls {@code schema.registry.url}: one or more base URLs, tried in order
 * @param autoRegister {@code auto.register.schemas} (default true): register the record's schema
 * @param useLatestVersion {@code use.latest.version} (default false): write with the subject's
 *     latest registered schema id instead of registering
 * @param specificReader {@code specific.avro.reader} (default false): return generated classes when
 *     the deserializer was not given a target class
 * @param userInfo {@code basic.auth.user.info} when {@code basic.auth.credentials.source} is
 *     USER_INFO: {@code user:password} for registries behind basic auth
 * @param requestTimeout {@code schema.registry.request.timeout.ms} (default 10 s)
 */
public record AvroSerdeConfig(
    List<URI> registryUrls,
    boolean autoRegister,
    boolean useLatestVersion,
    boolean specificReader,
    Optional<String> userInfo,
    Duration requestTimeout) {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  public AvroSerdeConfig {
    registryUrls = List.copyOf(registryUrls);
    if (registryUrls.isEmpty()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, "", "at least one URL is required");
    }
  }

  /** Reads the serde settings out of a Kafka client / Streams config map. */
  public static AvroSerdeConfig from(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(
          SCHEMA_REGISTRY_URL,
          url,
          "missing: set it to the Schema Registry base URL, e.g. http://localhost:8081");
    }
    List<URI> urls =
        Arrays.stream(url.toString().split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> parseUrl(s))
            .toList();
    Optional<String> userInfo = Optional.empty();
    Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
    if (source != null && "USER_INFO".equals(source.toString().toUpperCase(Locale.ROOT))) {
      Object info = configs.get(BASIC_AUTH_USER_INFO);
      if (info == null || !info.toString().contains(":")) {
        throw new ConfigException(BASIC_AUTH_USER_INFO, info, "expected user:password");
      }
      userInfo = Optional.of(info.toString());
    }
    return new AvroSerdeConfig(
        urls,
        bool(configs, AUTO_REGISTER_SCHEMAS, true),
        bool(configs, USE_LATEST_VERSION, false),
        bool(configs, SPECIFIC_AVRO_READER, false),
        userInfo,
        Duration.ofMillis(longValue(configs, REQUEST_TIMEOUT_MS, 10_000)));
  }

  private static URI parseUrl(String s) {
    try {
      URI uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, s, "not a URL: " + e.getMessage());
    }
  }

  private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
    Object v = configs.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new ConfigException(key, v, "expected true or false");
  }

  private static long longValue(Map<String, ?> configs, String key, long fallback) {
    Object v = configs.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, v, "expected a whole number of milliseconds");
    }
  }
}
