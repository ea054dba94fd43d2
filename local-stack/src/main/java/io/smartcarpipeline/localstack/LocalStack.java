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
 * the integration tests run. The tests may run on a stack in containers instead ({@link #running}):
 * the same addresses, but no embedded broker or registry to reach into.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final EmbeddedKafkaBroker broker;
  private final SchemaRegistryServer schemaRegistry;
  private final Running elsewhere;

  private LocalStack(
      EmbeddedKafkaBroker broker, SchemaRegistryServer schemaRegistry, Running elsewhere) {
    this.broker = broker;
    this.schemaRegistry = schemaRegistry;
    this.elsewhere = elsewhere;
  }

  /**
   * A stack that runs outside this JVM (Kafka and a schema registry in containers): its addresses,
   * and what stops it on {@link #close()}. It has no {@link #broker()} or {@link
   * #schemaRegistry()}.
   */
  public static LocalStack running(
      String bootstrapServers, String schemaRegistryUrl, AutoCloseable stop) {
    return new LocalStack(null, null, new Running(bootstrapServers, schemaRegistryUrl, stop));
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
              options.bindAddress(),
              options.schemaRegistryPort(),
              options.registrySecurity());
      log.info(
          "local_stack_started bootstrap={} schema_registry={}",
          broker.bootstrapServers(),
          registry.url());
      return new LocalStack(broker, registry, null);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  /** {@code localhost:PORT} of the broker. */
  public String bootstrapServers() {
    return elsewhere != null ? elsewhere.bootstrapServers() : broker.bootstrapServers();
  }

  /** {@code http://localhost:PORT} (or {@code https://}) of the schema registry. */
  public String schemaRegistryUrl() {
    return elsewhere != null ? elsewhere.schemaRegistryUrl() : schemaRegistry.url();
  }

  /**
   * The broker, for tests that need its details (its port, its data dir).
   *
   * @throws IllegalStateException if the stack runs outside this JVM
   */
  public EmbeddedKafkaBroker broker() {
    embeddedOnly("broker()");
    return broker;
  }

  /**
   * The schema registry server.
   *
   * @throws IllegalStateException if the stack runs outside this JVM
   */
  public SchemaRegistryServer schemaRegistry() {
    embeddedOnly("schemaRegistry()");
    return schemaRegistry;
  }

  /** Closes the registry, then the broker (deleting its data if it was temporary). */
  @Override
  public void close() {
    if (elsewhere != null) {
      elsewhere.stop();
      log.info("local_stack_stopped bootstrap={}", elsewhere.bootstrapServers());
      return;
    }
    try {
      schemaRegistry.close();
    } finally {
      broker.close();
      log.info("local_stack_stopped bootstrap={}", broker.bootstrapServers());
    }
  }

  private void embeddedOnly(String what) {
    if (elsewhere != null) {
      throw new IllegalStateException(
          what + " needs the embedded stack; this one runs at " + elsewhere.bootstrapServers());
    }
  }

  /** The addresses of a stack outside this JVM and what stops it. */
  private record Running(String bootstrapServers, String schemaRegistryUrl, AutoCloseable stopper) {
    void stop() {
      try {
        stopper.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not stop the stack at " + bootstrapServers, e);
      }
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
   * @param bindAddress the interface the registry listens on ({@code 127.0.0.1} by default; the
   *     broker always listens on, and advertises, {@code localhost} only)
   */
  public record Options(
      int kafkaPort,
      int schemaRegistryPort,
      Path dataDir,
      boolean autoCreateTopics,
      Optional<BrokerSecurity> brokerSecurity,
      RegistrySecurity registrySecurity,
      String bindAddress) {

    /** Kafka on 9092, the registry on 8081, a temporary data dir. */
    public static Options defaults() {
      return new Options(
          9092,
          SchemaRegistryServer.DEFAULT_PORT,
          null,
          false,
          Optional.empty(),
          RegistrySecurity.none(),
          SchemaRegistryServer.LOOPBACK);
    }

    /** Free ports and a temporary data dir: what tests use. */
    public static Options freePorts() {
      return defaults().withKafkaPort(0).withSchemaRegistryPort(0);
    }

    public Options withKafkaPort(int port) {
      return new Options(
          port,
          schemaRegistryPort,
          dataDir,
          autoCreateTopics,
          brokerSecurity,
          registrySecurity,
          bindAddress);
    }

    public Options withSchemaRegistryPort(int port) {
      return new Options(
          kafkaPort,
          port,
          dataDir,
          autoCreateTopics,
          brokerSecurity,
          registrySecurity,
          bindAddress);
    }

    public Options withDataDir(Path dir) {
      return new Options(
          kafkaPort,
          schemaRegistryPort,
          dir,
          autoCreateTopics,
          brokerSecurity,
          registrySecurity,
          bindAddress);
    }

    public Options withAutoCreateTopics(boolean enabled) {
      return new Options(
          kafkaPort,
          schemaRegistryPort,
          dataDir,
          enabled,
          brokerSecurity,
          registrySecurity,
          bindAddress);
    }

    /** A SASL_SSL client listener on the broker. */
    public Options withBrokerSecurity(BrokerSecurity security) {
      return new Options(
          kafkaPort,
          schemaRegistryPort,
          dataDir,
          autoCreateTopics,
          Optional.of(security),
          registrySecurity,
          bindAddress);
    }

    /** The interface the registry listens on ({@code BIND_ADDRESS}). */
    public Options withBindAddress(String address) {
      return new Options(
          kafkaPort,
          schemaRegistryPort,
          dataDir,
          autoCreateTopics,
          brokerSecurity,
          registrySecurity,
          address);
    }

    /** HTTPS and / or basic auth on the registry. */
    public Options withRegistrySecurity(RegistrySecurity security) {
      return new Options(
          kafkaPort,
          schemaRegistryPort,
          dataDir,
          autoCreateTopics,
          brokerSecurity,
          security,
          bindAddress);
    }
  }
}
