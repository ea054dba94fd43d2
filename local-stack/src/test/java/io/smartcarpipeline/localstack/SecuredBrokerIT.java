package io.smartcarpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.localstack.tls.KeyStoreFile;
import io.smartcarpipeline.localstack.tls.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain Kafka clients against the secured embedded broker: with the stack's SASL_SSL settings a
 * record goes through; a wrong password or a CA the client does not trust fails fast with the
 * matching authentication error.
 */
@ExtendWith(LocalStackExtension.class)
class SecuredBrokerIT {

  private static final Duration FAILS_WITHIN = Duration.ofSeconds(20);

  @Test
  void recordRoundTripsOverSaslSsl(SecureLocalStack stack) throws Exception {
    // given a topic, created over the secured listener
    String topic = "secured-" + UUID.randomUUID();
    try (Admin admin = Admin.create(props(stack.kafkaClientProperties()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }

    // when
    Map<String, Object> producerProps = props(stack.kafkaClientProperties());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "veh-1", "hello over TLS")).get();
    }

    // then
    Map<String, Object> consumerProps = props(stack.kafkaClientProperties());
    consumerProps.put("group.id", "g-" + topic);
    consumerProps.put("auto.offset.reset", "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      ConsumerRecords<String, String> records = ConsumerRecords.empty();
      while (records.isEmpty() && System.nanoTime() < deadline) {
        records = consumer.poll(Duration.ofMillis(500));
      }
      assertThat(records.count()).isEqualTo(1);
      assertThat(records.iterator().next().value()).isEqualTo("hello over TLS");
    }
  }

  @Test
  void wrongPasswordIsASaslAuthenticationErrorWithinSeconds(SecureLocalStack stack) {
    Map<String, Object> wrong = props(stack.kafkaClientProperties());
    wrong.put(
        "sasl.jaas.config",
        new BrokerSecurity(
                stack.certificates().serverKeystore(), stack.kafkaUser().username(), "not-it")
            .clientJaasConfig());

    long started = System.nanoTime();
    Throwable failure = describeCluster(wrong);

    assertThat(failure).isInstanceOf(SaslAuthenticationException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAILS_WITHIN);
  }

  @Test
  void untrustedCertificateIsAnSslAuthenticationErrorWithinSeconds(
      SecureLocalStack stack, @TempDir Path dir) {
    KeyStoreFile otherCa = TestCertificates.generate(dir).truststore();
    Map<String, Object> untrusting = props(stack.kafkaClientProperties());
    untrusting.put("ssl.truststore.location", otherCa.location().toString());
    untrusting.put("ssl.truststore.password", otherCa.password());

    long started = System.nanoTime();
    Throwable failure = describeCluster(untrusting);

    assertThat(failure).isInstanceOf(SslAuthenticationException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAILS_WITHIN);
  }

  @Test
  void clientEnvironmentCarriesTheSameSettingsUnderEnvNames(SecureLocalStack stack) {
    Map<String, String> env = stack.clientEnvironment();
    Map<String, String> kafka = stack.kafkaClientProperties();
    Map<String, String> registry = stack.registryClientProperties();

    assertThat(env)
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
        .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
        .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
        .containsEntry("KAFKA_SASL_JAAS_CONFIG", kafka.get("sasl.jaas.config"))
        .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", kafka.get("ssl.truststore.location"))
        .containsEntry("KAFKA_SSL_TRUSTSTORE_PASSWORD", kafka.get("ssl.truststore.password"))
        .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12")
        .containsEntry("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl())
        .containsEntry(
            "SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION",
            registry.get("schema.registry.ssl.truststore.location"))
        .containsEntry(
            "SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD",
            registry.get("schema.registry.ssl.truststore.password"))
        .containsEntry("SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO")
        .containsEntry("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", stack.registryUser().userInfo());
    assertThat(stack.schemaRegistryUrl()).startsWith("https://localhost:");
    assertThat(stack.kafkaUser().toString()).doesNotContain(stack.kafkaUser().password());
  }

  private static Throwable describeCluster(Map<String, Object> props) {
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(15_000)).nodes().get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  private static Map<String, Object> props(Map<String, String> settings) {
    return new HashMap<>(settings);
  }
}
