package io.smartcarpipeline.serde;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
 * @param userInfo {@code user:password} for registries behind basic auth: {@code
 *     basic.auth.user.info} (or its alias {@code schema.registry.basic.auth.user.info}) when {@code
 *     basic.auth.credentials.source} is USER_INFO, or when the source is unset and the user info is
 *     given; the user info of the URL when the source is URL (unset counts as URL then too, as with
 *     Confluent). The URLs are kept without it.
 * @param requestTimeout {@code schema.registry.request.timeout.ms} (default 10 s)
 * @param tls {@code schema.registry.ssl.*}: trust store, key store, hostname check
 *     <p>{@link #toString()} shows the user name but no password; equality covers everything, as
 *     {@link SchemaRegistryClients} keeps one client per distinct config.
 */
public record AvroSerdeConfig(
    List<URI> registryUrls,
    boolean autoRegister,
    boolean useLatestVersion,
    boolean specificReader,
    Optional<String> userInfo,
    Duration requestTimeout,
    RegistryTlsConfig tls) {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE =
      "schema.registry.basic.auth.credentials.source";
  public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO =
      "schema.registry.basic.auth.user.info";
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
    List<URI> urlsAsGiven =
        Arrays.stream(url.toString().split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> parseUrl(s))
            .toList();
    return new AvroSerdeConfig(
        urlsAsGiven.stream().map(AvroSerdeConfig::withoutUserInfo).toList(),
        bool(configs, AUTO_REGISTER_SCHEMAS, true),
        bool(configs, USE_LATEST_VERSION, false),
        bool(configs, SPECIFIC_AVRO_READER, false),
        userInfo(configs, urlsAsGiven),
        Duration.ofMillis(longValue(configs, REQUEST_TIMEOUT_MS, 10_000)),
        RegistryTlsConfig.from(configs));
  }

  @Override
  public String toString() {
    return "AvroSerdeConfig[registryUrls="
        + registryUrls
        + ", autoRegister="
        + autoRegister
        + ", useLatestVersion="
        + useLatestVersion
        + ", specificReader="
        + specificReader
        + ", userInfo="
        + userInfo.map(u -> u.substring(0, u.indexOf(':')) + ":(hidden)").orElse("(none)")
        + ", requestTimeout="
        + requestTimeout
        + ", tls="
        + tls
        + "]";
  }

  private static Optional<String> userInfo(Map<String, ?> configs, List<URI> urls) {
    String sourceKey =
        configs.containsKey(BASIC_AUTH_CREDENTIALS_SOURCE)
            ? BASIC_AUTH_CREDENTIALS_SOURCE
            : SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE;
    String infoKey =
        configs.containsKey(BASIC_AUTH_USER_INFO)
            ? BASIC_AUTH_USER_INFO
            : SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO;
    Object source = configs.get(sourceKey);
    Object info = configs.get(infoKey);
    String sourceName =
        source == null
            ? (info == null ? "URL" : "USER_INFO")
            : source.toString().trim().toUpperCase(Locale.ROOT);
    switch (sourceName) {
      case "USER_INFO":
        String text = info == null ? null : passwordText(info);
        if (text == null || text.indexOf(':') <= 0) {
          throw new ConfigException(
              infoKey, info == null ? null : "(hidden)", "expected user:password");
        }
        return Optional.of(text);
      case "URL":
        Optional<String> inUrl =
            urls.stream()
                .map(URI::getRawUserInfo)
                .filter(u -> u != null && u.indexOf(':') > 0)
                .findFirst()
                .map(u -> URLDecoder.decode(u, StandardCharsets.UTF_8));
        if (source != null && inUrl.isEmpty()) {
          throw new ConfigException(
              SCHEMA_REGISTRY_URL,
              urls.toString(),
              sourceKey + " is URL but no URL holds user:password@");
        }
        return inUrl;
      default:
        throw new ConfigException(sourceKey, source, "supported: USER_INFO, URL");
    }
  }

  private static String passwordText(Object value) {
    return value instanceof org.apache.kafka.common.config.types.Password p
        ? p.value()
        : value.toString();
  }

  private static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    try {
      return new URI(
          uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, "(hidden)", "not a URL: " + e.getMessage());
    }
  }

  private static URI parseUrl(String s) {
    try {
      URI uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          SCHEMA_REGISTRY_URL,
          s.replaceAll("//[^/@]*@", "//(hidden)@"),
          "not a URL: " + e.getMessage());
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
