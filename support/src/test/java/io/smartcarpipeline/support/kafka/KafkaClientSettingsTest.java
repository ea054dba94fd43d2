package io.smartcarpipeline.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSettingsTest {

  private static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\""
          + " password=\"s3cr3t-jaas\";";

  private static KafkaClientSettings from(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("KAFKA_BOOTSTRAP_SERVERS", "broker-1:9093");
    all.putIfAbsent("SCHEMA_REGISTRY_URL", "https://registry:8081");
    return KafkaClientSettings.from(Settings.of(all));
  }

  @Test
  void commonPrefixReachesEveryClientKindThatKnowsTheProperty() {
    KafkaClientSettings kafka =
        from(
            Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", JAAS,
                "KAFKA_BATCH_SIZE", "65536"));

    for (ClientKind kind : ClientKind.values()) {
      Map<String, Object> c = kafka.config(kind, Map.of());
      assertThat(c)
          .containsEntry("bootstrap.servers", "broker-1:9093")
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsEntry("sasl.jaas.config", JAAS);
    }
    assertThat(kafka.config(ClientKind.PRODUCER, Map.of())).containsEntry("batch.size", "65536");
    assertThat(kafka.config(ClientKind.CONSUMER, Map.of())).doesNotContainKey("batch.size");
    assertThat(kafka.config(ClientKind.ADMIN, Map.of())).doesNotContainKey("batch.size");
  }

  @Test
  void perKindSettingsWinOverCommonOnesAndOverTheServiceDefaults() {
    KafkaClientSettings kafka =
        from(
            Map.of(
                "KAFKA_CLIENT_RACK", "eu-1a",
                "KAFKA_CONSUMER_CLIENT_RACK", "eu-1b",
                "KAFKA_PRODUCER_LINGER_MS", "20",
                "KAFKA_STREAMS_NUM_STREAM_THREADS", "4"));

    assertThat(kafka.config(ClientKind.CONSUMER, Map.of())).containsEntry("client.rack", "eu-1b");
    assertThat(kafka.config(ClientKind.PRODUCER, Map.of("linger.ms", 5)))
        .containsEntry("linger.ms", "20");
    assertThat(kafka.streams(Map.of())).containsEntry("num.stream.threads", "4");
    assertThat(kafka.config(ClientKind.PRODUCER, Map.of())).doesNotContainKey("num.stream.threads");
  }

  @Test
  void aPropertiesFileSpellingReachesTheSameProperty() {
    KafkaClientSettings kafka = from(Map.of("kafka.ssl.truststore.location", "/etc/ca.p12"));

    assertThat(kafka.config(ClientKind.ADMIN, Map.of()))
        .containsEntry("ssl.truststore.location", "/etc/ca.p12");
  }

  @Test
  void aCommonSettingNoClientKnowsIsIgnoredNotPassedOn() {
    // Kubernetes adds KAFKA_PORT and KAFKA_SERVICE_HOST for a Service named "kafka"
    KafkaClientSettings kafka =
        from(Map.of("KAFKA_PORT", "tcp://10.0.0.1:9092", "KAFKA_SERVICE_HOST", "10.0.0.1"));

    for (ClientKind kind : ClientKind.values()) {
      assertThat(kafka.config(kind, Map.of())).doesNotContainKeys("port", "service.host");
    }
  }

  @Test
  void aPropertyTheGuaranteesRestOnCannotBeSetAndTheErrorNamesTheSetting() {
    assertThatThrownBy(() -> from(Map.of("KAFKA_ACKS", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("KAFKA_ACKS")
        .hasMessageContaining("acks=all");
    assertThatThrownBy(() -> from(Map.of("KAFKA_CONSUMER_ISOLATION_LEVEL", "read_uncommitted")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("KAFKA_CONSUMER_ISOLATION_LEVEL");
    assertThatThrownBy(() -> from(Map.of("KAFKA_STREAMS_PROCESSING_GUARANTEE", "at_least_once")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("KAFKA_STREAMS_PROCESSING_GUARANTEE");
  }

  @Test
  void registrySettingsUseConfluentKeysAndReachSerdeClientsButNotAdmin(@TempDir Path dir)
      throws IOException {
    String truststore = Files.createFile(dir.resolve("registry-ca.p12")).toString();
    KafkaClientSettings kafka =
        from(
            Map.of(
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "app:reg-pass",
                "SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", truststore,
                "SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", "ts-pass"));

    assertThat(kafka.registry())
        .containsEntry("schema.registry.url", "https://registry:8081")
        .containsEntry("basic.auth.credentials.source", "USER_INFO")
        .containsEntry("basic.auth.user.info", "app:reg-pass")
        .containsEntry("schema.registry.ssl.truststore.location", truststore)
        .containsEntry("schema.registry.ssl.truststore.password", "ts-pass");
    assertThat(kafka.config(ClientKind.PRODUCER, Map.of()))
        .containsEntry("basic.auth.user.info", "app:reg-pass");
    assertThat(kafka.config(ClientKind.ADMIN, Map.of())).doesNotContainKey("basic.auth.user.info");
  }

  @Test
  void aBadRegistrySettingStopsTheStartNamingTheEnvironmentSetting() {
    assertThatThrownBy(
            () -> from(Map.of("SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/no/such/ca.p12")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION");
    assertThatThrownBy(() -> from(Map.of("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "no-colon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO");
    assertThatThrownBy(() -> from(Map.of("SCHEMA_REGISTRY_URL", "not a url")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SCHEMA_REGISTRY_URL");
  }

  @Test
  void describeHidesEverySecret() {
    KafkaClientSettings kafka =
        from(
            Map.of(
                "KAFKA_SASL_JAAS_CONFIG", JAAS,
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "ts-secret-1",
                "KAFKA_PRODUCER_SSL_KEY_PASSWORD", "key-secret-2",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "app:reg-secret-3",
                "SCHEMA_REGISTRY_URL", "https://u:url-secret-4@registry:8081"));

    String printed = kafka.describe().toString() + kafka;

    assertThat(printed)
        .doesNotContain("s3cr3t-jaas", "ts-secret-1", "key-secret-2", "reg-secret-3")
        .doesNotContain("url-secret-4")
        .contains("sasl.jaas.config=[hidden]", "registry:8081");
  }

  @Test
  void theAdminConfigBoundsEveryCallSoAStartCannotHang() {
    Map<String, Object> admin =
        KafkaClients.adminConfig(from(Map.of()), "svc-admin", Duration.ofSeconds(20));

    assertThat(admin)
        .containsEntry("default.api.timeout.ms", 20_000)
        .containsEntry("request.timeout.ms", 10_000)
        .containsEntry("client.id", "svc-admin");
  }
}
