package io.smartcarpipeline.localstack;

import io.smartcarpipeline.localstack.registry.RegistrySecurity;
import io.smartcarpipeline.localstack.tls.KeyStoreFile;
import io.smartcarpipeline.localstack.tls.TestCertificates;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link LocalStack} secured like a production cluster, for tests that prove the services work
 * against one: the broker's client listener is SASL_SSL with SCRAM-SHA-512, the registry serves
 * HTTPS with basic auth, both with certificates of a fresh test CA ({@link TestCertificates}) and
 * generated passwords.
 *
 * <p>It hands out the settings a client needs in two forms: Java client properties ({@link
 * #kafkaClientProperties()}, {@link #registryClientProperties()}), and the environment variables a
 * service would be given ({@link #clientEnvironment()}), derived from those properties by the
 * documented prefix convention ({@code KAFKA_} + the Kafka property upper-cased with {@code _} for
 * {@code .}; {@code SCHEMA_REGISTRY_} + the registry setting without its {@code schema.registry.}
 * prefix, so {@code basic.auth.user.info} becomes {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO}).
 */
public final class SecureLocalStack implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final LocalStack stack;
  private final TestCertificates certificates;
  private final BrokerSecurity kafkaUser;
  private final RegistrySecurity.Credentials registryUser;
  private final Path temporaryDir;

  private SecureLocalStack(
      LocalStack stack,
      TestCertificates certificates,
      BrokerSecurity kafkaUser,
      RegistrySecurity.Credentials registryUser,
      Path temporaryDir) {
    this.stack = stack;
    this.certificates = certificates;
    this.kafkaUser = kafkaUser;
    this.registryUser = registryUser;
    this.temporaryDir = temporaryDir;
  }

  /**
   * Generates certificates into {@code dir} (kept on close) and starts a secured stack on free
   * ports with a temporary broker data directory.
   */
  public static SecureLocalStack start(Path dir) {
    return start(dir, LocalStack.Options.freePorts(), null);
  }

  /**
   * Like {@link #start(Path)} with given ports and data directory; the security settings of the
   * options are replaced by this stack's.
   */
  public static SecureLocalStack start(Path dir, LocalStack.Options options) {
    return start(dir, options, null);
  }

  /** Like {@link #start(Path)} in a temporary directory that {@link #close()} deletes. */
  public static SecureLocalStack startInTemporaryDirectory() {
    Path dir = LocalResources.createTempDir("secure-local-stack-");
    return start(dir, LocalStack.Options.freePorts(), dir);
  }

  private static SecureLocalStack start(Path dir, LocalStack.Options options, Path temporaryDir) {
    TestCertificates certificates = TestCertificates.generate(dir.resolve("tls"));
    BrokerSecurity kafkaUser =
        new BrokerSecurity(certificates.serverKeystore(), "pipeline", newSecret());
    RegistrySecurity.Credentials registryUser =
        new RegistrySecurity.Credentials("registry-user", newSecret());
    LocalStack stack =
        LocalStack.start(
            options
                .withBrokerSecurity(kafkaUser)
                .withRegistrySecurity(
                    RegistrySecurity.none()
                        .withHttps(certificates.serverKeystore())
                        .withBasicAuth(registryUser.username(), registryUser.password())));
    return new SecureLocalStack(stack, certificates, kafkaUser, registryUser, temporaryDir);
  }

  /** {@code localhost:PORT} of the SASL_SSL listener. */
  public String bootstrapServers() {
    return stack.bootstrapServers();
  }

  /** {@code https://localhost:PORT} of the registry. */
  public String schemaRegistryUrl() {
    return stack.schemaRegistryUrl();
  }

  /** The stack underneath: the broker (its internal PLAINTEXT listener) and the registry. */
  public LocalStack stack() {
    return stack;
  }

  /** The CA, the server key store and the clients' trust store. */
  public TestCertificates certificates() {
    return certificates;
  }

  /** The SCRAM user clients log in as (name, password, JAAS line). */
  public BrokerSecurity kafkaUser() {
    return kafkaUser;
  }

  /** The registry's basic-auth user. */
  public RegistrySecurity.Credentials registryUser() {
    return registryUser;
  }

  /**
   * What a Kafka client (producer, consumer, admin, Streams) needs: {@code bootstrap.servers},
   * {@code security.protocol=SASL_SSL}, {@code sasl.mechanism}, {@code sasl.jaas.config} and the
   * {@code ssl.truststore.*} of the test CA.
   */
  public Map<String, String> kafkaClientProperties() {
    KeyStoreFile truststore = certificates.truststore();
    Map<String, String> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", bootstrapServers());
    props.put("security.protocol", "SASL_SSL");
    props.put("sasl.mechanism", BrokerSecurity.SASL_MECHANISM);
    props.put("sasl.jaas.config", kafkaUser.clientJaasConfig());
    props.put("ssl.truststore.location", truststore.location().toString());
    props.put("ssl.truststore.password", truststore.password());
    props.put("ssl.truststore.type", truststore.type());
    return props;
  }

  /**
   * What our Avro serde (or Confluent's) needs, under Confluent's keys: {@code
   * schema.registry.url}, {@code schema.registry.ssl.truststore.*} and {@code basic.auth.*}.
   */
  public Map<String, String> registryClientProperties() {
    KeyStoreFile truststore = certificates.truststore();
    Map<String, String> props = new LinkedHashMap<>();
    props.put("schema.registry.url", schemaRegistryUrl());
    props.put("schema.registry.ssl.truststore.location", truststore.location().toString());
    props.put("schema.registry.ssl.truststore.password", truststore.password());
    props.put("schema.registry.ssl.truststore.type", truststore.type());
    props.put("basic.auth.credentials.source", "USER_INFO");
    props.put("basic.auth.user.info", registryUser.userInfo());
    return props;
  }

  /** {@link #kafkaClientProperties()} and {@link #registryClientProperties()} in one map. */
  public Map<String, String> clientProperties() {
    Map<String, String> props = new LinkedHashMap<>(kafkaClientProperties());
    props.putAll(registryClientProperties());
    return props;
  }

  /**
   * The environment a service is given to reach this stack, e.g. {@code KAFKA_SECURITY_PROTOCOL},
   * {@code KAFKA_SASL_JAAS_CONFIG}, {@code SCHEMA_REGISTRY_URL}, {@code
   * SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION}, {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO}: the
   * client properties renamed by the convention of the class comment.
   */
  public Map<String, String> clientEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    kafkaClientProperties().forEach((key, value) -> env.put("KAFKA_" + envName(key), value));
    registryClientProperties()
        .forEach(
            (key, value) ->
                env.put(
                    "SCHEMA_REGISTRY_" + envName(key.replaceFirst("^schema\\.registry\\.", "")),
                    value));
    return env;
  }

  /** Closes the stack; deletes the certificates too if they are in a temporary directory. */
  @Override
  public void close() {
    try {
      stack.close();
    } finally {
      if (temporaryDir != null) {
        LocalResources.deleteRecursively(temporaryDir);
      }
    }
  }

  private static String envName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static String newSecret() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
