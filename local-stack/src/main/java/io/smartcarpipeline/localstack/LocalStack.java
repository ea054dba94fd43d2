package io.smartcarpipeline.localstack;

import io.smartcarpipeline.localstack.registry.RegistrySecurity;
import io.smartcarpipeline.localstack.registry.SchemaRegistryServer;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack: an {@link EmbeddedKafkaBroker} and a {@link SchemaRegistryServer} stored in it,
 * started together and closed together. This is what {@code smartcar-pipeline kafka}, the demo and
 * the integration tests run.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final EmbeddedKafkaBroker broker;
  private final SchemaRegistryServer schemaRegistry;

  private LocalStack(EmbeddedKafkaBroker broker, SchemaRegistryServer schemaRegistry) {
    this.broker = broker;
    this.schemaRegistry = schemaRegistry;
  }

  /** Starts the broker, then the registry; blocks until both accept clients. */
  public static LocalStack start(Options options) {
    EmbeddedKafkaBroker.Builder builder =
        EmbeddedKafkaBroker.builder()
            .port(options.kafkaPort())
            .dataDir(options.dataDir() == null ? null : options.dataDir().resolve("kafka"))
            .brokerProperty(
                "auto.create.topics.enable", String.valueOf(options.autoCreateTopics()));
    options.brokerSecurity().ifPresent(builder::saslSsl);
    EmbeddedKafkaBroker broker = builder.build();
    broker.start();
    try {
      SchemaRegistryServer registry =
          SchemaRegistryServer.startBlocking(
              null,
              broker.internalBootstrapServers(),
              options.schemaRegistryPort(),
              options.registrySecurity());
      log.info(
          "local_stack_started bootstrap={} schema_registry={}",
          broker.bootstrapServers(),
          registry.url());
      return new LocalStack(broker, registry);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  /** {@code localhost:PORT} of the broker. */
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** {@code http://localhost:PORT} (or {@code https://}) of the schema registry. */
  public String schemaRegistryUrl() {
    return schemaRegistry.url();
  }

  /** The broker, for tests that need its details (its port, its data dir). */
  public EmbeddedKafkaBroker broker() {
    return broker;
  }

  /** The schema registry server. */
  public SchemaRegistryServer schemaRegistry() {
    return schemaRegistry;
  }

  /** Closes the registry, then the broker (deleting its data if it was temporary). */
  @Override
  public void close() {
    try {
      schemaRegistry.close();
    } finally {
      broker.close();
      log.info("local_stack_stopped bootstrap={}", broker.bootstrapServers());
    }
  }

  /**
   * Where the local stack listens and keeps its data.
   *
   * @param kafkaPort the broker's client port, 0 for a free one
   * @param schemaRegistryPort the registry's HTTP port, 0 for a free one
   * @param dataDir the directory for the broker's data (in {@code kafka/} below it), kept on close;
   *     null for a temporary directory deleted on close
   * @param autoCreateTopics whether the broker creates a topic on first use (on for the development
   *     stack of {@code bin/smartcar-pipeline kafka}, off for tests and the services, which create
   *     their topics with the registry's configs)
   * @param brokerSecurity a SASL_SSL client listener, or empty for PLAINTEXT (see {@link
   *     EmbeddedKafkaBroker})
   * @param registrySecurity HTTPS and basic auth of the registry, {@link RegistrySecurity#none()}
   *     by default; {@link SecureLocalStack} sets both
   */
  public record Options(
      int kafkaPort,
      int schemaRegistryPort,
      Path dataDir,
      boolean autoCreateTopics,
      Optional<BrokerSecurity> brokerSecurity,
      RegistrySecurity registrySecurity) {

    /** Kafka on 9092, the registry on 8081, a temporary data dir. */
    public static Options defaults() {
      return new Options(
          9092,
          SchemaRegistryServer.DEFAULT_PORT,
          null,
          false,
          Optional.empty(),
          RegistrySecurity.none());
    }

    /** Free ports and a temporary data dir: what tests use. */
    public static Options freePorts() {
      return defaults().withKafkaPort(0).withSchemaRegistryPort(0);
    }

    public Options withKafkaPort(int port) {
      return new Options(
          port, schemaRegistryPort, dataDir, autoCreateTopics, brokerSecurity, registrySecurity);
    }

    public Options withSchemaRegistryPort(int port) {
      return new Options(
          kafkaPort, port, dataDir, autoCreateTopics, brokerSecurity, registrySecurity);
    }

    public Options withDataDir(Path dir) {
      return new Options(
          kafkaPort, schemaRegistryPort, dir, autoCreateTopics, brokerSecurity, registrySecurity);
    }

    public Options withAutoCreateTopics(boolean enabled) {
      return new Options(
          kafkaPort, schemaRegistryPort, dataDir, enabled, brokerSecurity, registrySecurity);
    }

    /** A SASL_SSL client listener on the broker. */
    public Options withBrokerSecurity(BrokerSecurity security) {
      return new Options(
          kafkaPort,
          schemaRegistryPort,
          dataDir,
          autoCreateTopics,
          Optional.of(security),
          registrySecurity);
    }

    /** HTTPS and / or basic auth on the registry. */
    public Options withRegistrySecurity(RegistrySecurity security) {
      return new Options(
          kafkaPort, schemaRegistryPort, dataDir, autoCreateTopics, brokerSecurity, security);
    }
  }
}
