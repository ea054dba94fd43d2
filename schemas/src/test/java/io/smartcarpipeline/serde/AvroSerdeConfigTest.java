package io.smartcarpipeline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry client's settings: credentials, TLS stores, and that no secret is ever printed. */
class AvroSerdeConfigTest {

  private static final String URL = "https://registry.example:8081";

  @TempDir Path dir;

  @Test
  void toStringShowsTheUserButNoPassword() throws Exception {
    Path truststore = emptyStore("trust.p12", "store-secret");
    AvroSerdeConfig config =
        AvroSerdeConfig.from(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:user-secret",
                RegistryTlsConfig.TRUSTSTORE_LOCATION, truststore.toString(),
                RegistryTlsConfig.TRUSTSTORE_PASSWORD, "store-secret",
                RegistryTlsConfig.KEY_PASSWORD, "key-secret"));

    assertThat(config.toString())
        .contains("alice", truststore.toString())
        .doesNotContain("user-secret", "store-secret", "key-secret");
  }

  @Test
  void equalSettingsAreEqualKeysAndADifferentPasswordIsNot() {
    Map<String, Object> settings = new HashMap<>();
    settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL);
    settings.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:one");

    AvroSerdeConfig first = AvroSerdeConfig.from(settings);
    AvroSerdeConfig second = AvroSerdeConfig.from(Map.copyOf(settings));
    settings.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:two");
    AvroSerdeConfig other = AvroSerdeConfig.from(settings);

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isNotEqualTo(other);
  }

  @Test
  void confluentsPrefixedUserInfoAliasIsAccepted() {
    AvroSerdeConfig config =
        AvroSerdeConfig.from(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                URL,
                "schema.registry.basic.auth.credentials.source",
                "USER_INFO",
                "schema.registry.basic.auth.user.info",
                "bob:pw"));

    assertThat(config.userInfo()).contains("bob:pw");
  }

  @Test
  void urlSourceTakesTheUserInfoOutOfTheUrl() {
    AvroSerdeConfig config =
        AvroSerdeConfig.from(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "https://carol:p%40ss@registry.example:8081",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL"));

    assertThat(config.userInfo()).contains("carol:p@ss");
    assertThat(config.registryUrls()).containsExactly(URI.create(URL));
    assertThat(config.toString()).doesNotContain("p@ss", "p%40ss");
  }

  @Test
  void unsupportedCredentialsSourceIsAConfigErrorNamingTheKey() {
    assertThatThrownBy(
            () ->
                AvroSerdeConfig.from(
                    Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        URL,
                        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                        "SASL_INHERIT")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.credentials.source");
  }

  @Test
  void userInfoWithoutColonIsAConfigErrorThatDoesNotEchoIt() {
    assertThatThrownBy(
            () ->
                AvroSerdeConfig.from(
                    Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "just-a-secret")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.user.info")
        .hasMessageNotContaining("just-a-secret");
  }

  @Test
  void missingTruststoreFileIsAConfigErrorNamingTheKey() {
    String missing = dir.resolve("nowhere.p12").toString();

    assertThatThrownBy(
            () ->
                AvroSerdeConfig.from(
                    Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
                        RegistryTlsConfig.TRUSTSTORE_LOCATION, missing)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(RegistryTlsConfig.TRUSTSTORE_LOCATION)
        .hasMessageContaining(missing);
  }

  @Test
  void wrongTruststorePasswordFailsWhenTheClientIsBuiltNamingThePasswordKey() throws Exception {
    Path truststore = emptyStore("trust.p12", "right");
    AvroSerdeConfig config =
        AvroSerdeConfig.from(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                URL,
                RegistryTlsConfig.TRUSTSTORE_LOCATION,
                truststore.toString(),
                RegistryTlsConfig.TRUSTSTORE_PASSWORD,
                "wrong"));

    assertThatThrownBy(() -> new RestSchemaRegistryClient(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(RegistryTlsConfig.TRUSTSTORE_PASSWORD);
  }

  @Test
  void storeTypeDefaultsToPkcs12TheHostnameCheckIsOnAndTheRightPasswordOpensTheStore()
      throws Exception {
    Path truststore = emptyStore("trust.p12", "pw");
    AvroSerdeConfig config =
        AvroSerdeConfig.from(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                URL,
                RegistryTlsConfig.TRUSTSTORE_LOCATION,
                truststore.toString(),
                RegistryTlsConfig.TRUSTSTORE_PASSWORD,
                "pw"));

    assertThat(config.tls().truststore())
        .get()
        .extracting(RegistryTlsConfig.Store::type)
        .isEqualTo("PKCS12");
    assertThat(config.tls().hostnameCheckOff()).isFalse();
    assertThat(AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL)).tls())
        .isEqualTo(RegistryTlsConfig.defaults());
    assertThat(
            AvroSerdeConfig.from(
                    Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        URL,
                        RegistryTlsConfig.ENDPOINT_IDENTIFICATION_ALGORITHM,
                        ""))
                .tls()
                .hostnameCheckOff())
        .isTrue();
    assertThatCode(() -> new RestSchemaRegistryClient(config)).doesNotThrowAnyException();
  }

  private Path emptyStore(String name, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    Path file = dir.resolve(name);
    try (var out = Files.newOutputStream(file)) {
      store.store(out, password.toCharArray());
    }
    return file;
  }
}
