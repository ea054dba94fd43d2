package io.smartcarpipeline.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.kafka.common.config.ConfigException;

/**
 * TLS settings of the schema-registry client, under Confluent's keys ({@code
 * schema.registry.ssl.*}). Without any, the JVM's default trust store and hostname check apply.
 * Store types default to PKCS12 (the JDK opens JKS files under that type too). {@link #toString()}
 * leaves the passwords out; equality includes them, so two configs differing only in a password get
 * two clients.
 *
 * @param truststore {@code schema.registry.ssl.truststore.location / .password / .type}
 * @param keystore {@code schema.registry.ssl.keystore.location / .password / .type}, for mTLS
 * @param keyPassword {@code schema.registry.ssl.key.password}, default the key store's password
 * @param endpointIdentificationAlgorithm {@code
 *     schema.registry.ssl.endpoint.identification.algorithm} (default {@code https}); empty turns
 *     the hostname check off
 */
public record RegistryTlsConfig(
    Optional<Store> truststore,
    Optional<Store> keystore,
    Optional<String> keyPassword,
    String endpointIdentificationAlgorithm) {

  public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  public static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  public static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  public static final String KEY_PASSWORD = "schema.registry.ssl.key.password";
  public static final String ENDPOINT_IDENTIFICATION_ALGORITHM =
      "schema.registry.ssl.endpoint.identification.algorithm";

  private static final String DEFAULT_STORE_TYPE = "PKCS12";

  /** No TLS settings: the JVM defaults. */
  public static RegistryTlsConfig defaults() {
    return new RegistryTlsConfig(Optional.empty(), Optional.empty(), Optional.empty(), "https");
  }

  /** Reads the settings; a store file that cannot be read fails here, naming its key. */
  static RegistryTlsConfig from(Map<String, ?> configs) {
    Object algorithm = configs.get(ENDPOINT_IDENTIFICATION_ALGORITHM);
    return new RegistryTlsConfig(
        store(configs, TRUSTSTORE_LOCATION, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE),
        store(configs, KEYSTORE_LOCATION, KEYSTORE_PASSWORD, KEYSTORE_TYPE),
        text(configs, KEY_PASSWORD),
        algorithm == null ? "https" : algorithm.toString().trim());
  }

  /** Whether the JVM's default TLS context serves. */
  boolean isDefault() {
    return truststore.isEmpty() && keystore.isEmpty() && !hostnameCheckOff();
  }

  boolean hostnameCheckOff() {
    return endpointIdentificationAlgorithm.isEmpty();
  }

  /**
   * The TLS context these settings describe: opens the stores now, so a wrong password or a file
   * that is not a store fails at configuration time with a {@link ConfigException} naming the key.
   */
  SSLContext sslContext() {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(
          truststore.map(s -> s.load(TRUSTSTORE_LOCATION, TRUSTSTORE_PASSWORD)).orElse(null));
      TrustManager[] trustManagers = trust.getTrustManagers();
      if (hostnameCheckOff()) {
        trustManagers =
            new TrustManager[] {
              new NoHostnameCheckTrustManager((X509TrustManager) trustManagers[0])
            };
      }
      KeyManager[] keyManagers = null;
      if (keystore.isPresent()) {
        Store store = keystore.get();
        KeyManagerFactory keys =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        String password = keyPassword.orElse(store.password());
        try {
          keys.init(
              store.load(KEYSTORE_LOCATION, KEYSTORE_PASSWORD),
              password == null ? new char[0] : password.toCharArray());
        } catch (GeneralSecurityException e) {
          throw new ConfigException(
              KEY_PASSWORD, "(hidden)", "cannot read the private key: " + e.getMessage());
        }
        keyManagers = keys.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigException(
          TRUSTSTORE_LOCATION, truststore.map(Store::location).orElse(null), e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "RegistryTlsConfig[truststore="
        + truststore
        + ", keystore="
        + keystore
        + ", keyPassword="
        + keyPassword.map(p -> "(hidden)").orElse("(none)")
        + ", endpointIdentificationAlgorithm="
        + endpointIdentificationAlgorithm
        + "]";
  }

  private static Optional<Store> store(
      Map<String, ?> configs, String locationKey, String passwordKey, String typeKey) {
    Optional<String> location = text(configs, locationKey);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(location.get());
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new ConfigException(locationKey, location.get(), "no readable file there");
    }
    return Optional.of(
        new Store(
            path,
            text(configs, passwordKey).orElse(null),
            text(configs, typeKey).orElse(DEFAULT_STORE_TYPE)));
  }

  private static Optional<String> text(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      return Optional.empty();
    }
    // Kafka's ConfigDef hands passwords over as org.apache.kafka.common.config.types.Password
    String text =
        value instanceof org.apache.kafka.common.config.types.Password p
            ? p.value()
            : value.toString();
    return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
  }

  /**
   * A key store or trust store file.
   *
   * @param location the file
   * @param password its password, or null (a trust store can be read without one)
   * @param type e.g. PKCS12 or JKS
   */
  public record Store(Path location, String password, String type) {

    KeyStore load(String locationKey, String passwordKey) {
      try (InputStream in = Files.newInputStream(location)) {
        KeyStore store = KeyStore.getInstance(type);
        store.load(in, password == null ? null : password.toCharArray());
        return store;
      } catch (IOException e) {
        String reason =
            e.getCause() instanceof java.security.UnrecoverableKeyException
                ? "wrong password (see " + passwordKey + ")"
                : "not a readable "
                    + type
                    + " store ("
                    + e.getMessage()
                    + "); check "
                    + passwordKey;
        throw new ConfigException(locationKey, location.toString(), reason);
      } catch (GeneralSecurityException e) {
        throw new ConfigException(
            locationKey, location.toString(), "cannot open as " + type + ": " + e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "Store[location="
          + location
          + ", type="
          + type
          + ", password="
          + (password == null ? "(none)" : "(hidden)")
          + "]";
    }
  }
}
