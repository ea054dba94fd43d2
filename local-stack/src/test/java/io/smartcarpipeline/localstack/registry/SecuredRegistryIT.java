package io.smartcarpipeline.localstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.events.SignalError;
import io.smartcarpipeline.localstack.SecureLocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.localstack.tls.KeyStoreFile;
import io.smartcarpipeline.localstack.tls.TestCertificates;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.serde.ConfluentAvroSerializer;
import io.smartcarpipeline.serde.RestSchemaRegistryClient;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our registry client and serde against the embedded registry over HTTPS with basic auth: the right
 * settings round-trip a record; each wrong one fails with a message naming the setting.
 */
@ExtendWith(LocalStackExtension.class)
class SecuredRegistryIT {

  private static final Duration FAILS_WITHIN = Duration.ofSeconds(15);

  @Test
  void avroRecordRoundTripsThroughTheHttpsRegistryWithBasicAuth(SecureLocalStack stack) {
    // given a serializer and a deserializer with their own clients, so the id is really fetched
    Map<String, String> settings = stack.registryClientProperties();
    String topic = "secured-serde-" + UUID.randomUUID();
    SignalError value = SignalError.newBuilder().setType("RATE_LIMIT").build();
    ConfluentAvroSerializer<SignalError> serializer =
        new ConfluentAvroSerializer<>(freshClient(settings), settings);
    ConfluentAvroDeserializer<SignalError> deserializer =
        new ConfluentAvroDeserializer<>(SignalError.class, freshClient(settings), settings);

    // when
    byte[] bytes = serializer.serialize(topic, value);

    // then
    assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(value);
    assertThat(freshClient(settings).latest(topic + "-value").schema())
        .isEqualTo(SignalError.getClassSchema());
  }

  @Test
  void wrongPasswordIsAnErrorNamingTheUserInfoSetting(SecureLocalStack stack) {
    Map<String, String> settings = new HashMap<>(stack.registryClientProperties());
    settings.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, stack.registryUser().username() + ":not-it");

    assertThatThrownBy(() -> freshClient(settings).byId(1))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("refused the credentials in basic.auth.user.info")
        .hasMessageContaining("401")
        .hasMessageNotContaining("not-it");
  }

  @Test
  void requestWithoutCredentialsGets401InConfluentsShapeWithAChallenge(SecureLocalStack stack)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder().sslContext(trusting(stack.certificates().truststore())).build();

    HttpResponse<String> denied =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> probe =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(denied.statusCode()).isEqualTo(401);
    assertThat(denied.headers().firstValue("WWW-Authenticate"))
        .get()
        .asString()
        .startsWith("Basic");
    assertThat(new JsonObject(denied.body()).getInteger("error_code")).isEqualTo(401);
    assertThat(new JsonObject(denied.body()).getString("message")).contains("Unauthorized");
    assertThat(probe.statusCode()).isEqualTo(200);
  }

  @Test
  void untrustedCertificateIsAnErrorNamingTheTruststoreSetting(
      SecureLocalStack stack, @TempDir Path dir) {
    KeyStoreFile otherCa = TestCertificates.generate(dir).truststore();
    Map<String, String> settings = new HashMap<>(stack.registryClientProperties());
    settings.put("schema.registry.ssl.truststore.location", otherCa.location().toString());
    settings.put("schema.registry.ssl.truststore.password", otherCa.password());

    long started = System.nanoTime();
    assertThatThrownBy(() -> freshClient(settings).byId(1))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema.registry.ssl.truststore.location");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAILS_WITHIN);
  }

  @Test
  void plainHttpToTheHttpsPortFailsSayingToUseHttps(SecureLocalStack stack) {
    Map<String, String> settings = new HashMap<>(stack.registryClientProperties());
    String plainUrl = stack.schemaRegistryUrl().replace("https://", "http://");
    settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, plainUrl);
    settings.put(AvroSerdeConfig.REQUEST_TIMEOUT_MS, "5000");

    long started = System.nanoTime();
    assertThatThrownBy(() -> freshClient(settings).byId(1))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(plainUrl)
        .hasMessageContaining("https://");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAILS_WITHIN);
  }

  @Test
  void certificateForAnotherNameIsRefusedUnlessTheHostnameCheckIsOff(
      SecureLocalStack stack, @TempDir Path dir) {
    // given a second registry whose certificate is for another host name
    TestCertificates otherName = TestCertificates.generate(dir, List.of("registry.invalid"));
    try (SchemaRegistryServer registry =
        SchemaRegistryServer.startBlocking(
            null,
            stack.stack().broker().internalBootstrapServers(),
            0,
            "_schemas_hostname_" + UUID.randomUUID(),
            RegistrySecurity.none().withHttps(otherName.serverKeystore()))) {
      Map<String, String> settings = new HashMap<>();
      settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
      settings.put(
          "schema.registry.ssl.truststore.location", otherName.truststore().location().toString());
      settings.put("schema.registry.ssl.truststore.password", otherName.truststore().password());

      // then the default check refuses it, naming the setting that turns it off
      assertThatThrownBy(
              () -> freshClient(settings).register("s-value", SignalError.getClassSchema()))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("schema.registry.ssl.endpoint.identification.algorithm");

      // and with the check off the same client settings work
      settings.put("schema.registry.ssl.endpoint.identification.algorithm", "");
      assertThat(freshClient(settings).register("s-value", SignalError.getClassSchema()))
          .isPositive();
    }
  }

  @Test
  void clientKeystoreIsPresentedToARegistryThatRequiresMutualTls(
      SecureLocalStack stack, @TempDir Path dir) {
    // given a registry that asks every client for a certificate of its CA
    TestCertificates certificates = TestCertificates.generate(dir);
    try (SchemaRegistryServer registry =
        SchemaRegistryServer.startBlocking(
            null,
            stack.stack().broker().internalBootstrapServers(),
            0,
            "_schemas_mtls_" + UUID.randomUUID(),
            RegistrySecurity.none()
                .withHttps(certificates.serverKeystore())
                .withClientCertificatesFrom(certificates.truststore()))) {
      Map<String, String> settings = new HashMap<>();
      settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
      settings.put(
          "schema.registry.ssl.truststore.location",
          certificates.truststore().location().toString());
      settings.put("schema.registry.ssl.truststore.password", certificates.truststore().password());

      // then without a client certificate the call fails, naming the key store setting
      assertThatThrownBy(
              () -> freshClient(settings).register("m-value", SignalError.getClassSchema()))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("schema.registry.ssl.keystore.location");

      // and with the key store it goes through
      KeyStoreFile client = certificates.clientKeystore();
      settings.put("schema.registry.ssl.keystore.location", client.location().toString());
      settings.put("schema.registry.ssl.keystore.password", client.password());
      assertThat(freshClient(settings).register("m-value", SignalError.getClassSchema()))
          .isPositive();
    }
  }

  private static RestSchemaRegistryClient freshClient(Map<String, String> settings) {
    return new RestSchemaRegistryClient(AvroSerdeConfig.from(settings));
  }

  private static SSLContext trusting(KeyStoreFile truststore) throws Exception {
    KeyStore store = KeyStore.getInstance(truststore.type());
    try (InputStream in = Files.newInputStream(truststore.location())) {
      store.load(in, truststore.password().toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
