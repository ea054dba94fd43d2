package io.smartcarpipeline.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker running in this JVM: one node in KRaft combined mode (broker and
 * controller), on a chosen client port and data directory.
 *
 * <p>{@link #start()} formats the data directory on first use and blocks until clients can connect;
 * {@link #stop()} shuts the broker down cleanly and keeps its data, so a second {@link #start()} is
 * a restart on the same port with the same topics and records. {@link #close()} stops and deletes
 * the data directory if it was a temporary one. Not thread-safe: one owner starts and stops it.
 *
 * <p>Built with {@link Builder#saslSsl}, the client listener speaks SASL_SSL with SCRAM-SHA-512,
 * and the SCRAM user is written into the cluster metadata when the storage is first formatted (so
 * it exists before any client connects, and a restart keeps it). The broker's own traffic then runs
 * over a PLAINTEXT listener bound to 127.0.0.1 ({@link #internalBootstrapServers()}), which the
 * embedded registry uses too; there is no authorizer.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final boolean temporaryDataDir;
  private final Map<String, String> overrides;
  private final BrokerSecurity security;
  private int port;
  private int internalPort;
  private int controllerPort;
  private KafkaRaftServer server;

  private EmbeddedKafkaBroker(Builder builder) {
    this.port = builder.port;
    this.overrides = Map.copyOf(builder.overrides);
    this.security = builder.security;
    this.temporaryDataDir = builder.dataDir == null;
    this.dataDir =
        temporaryDataDir
            ? LocalResources.createTempDir("embedded-kafka-")
            : builder.dataDir.toAbsolutePath();
  }

  /** A builder with the defaults: port 9092, a temporary data directory. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the broker (a restart if it ran before) and blocks until it accepts clients.
   *
   * @throws IllegalStateException if it is already running or does not become ready in time
   */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("broker already running on " + bootstrapServers());
    }
    KafkaLogLevels.quietBrokerLoggersUnlessConfigured();
    long startedAt = System.nanoTime();
    if (port == 0) {
      port = LocalResources.freePort();
    }
    if (controllerPort == 0) {
      controllerPort = LocalResources.freePort();
    }
    if (security != null && internalPort == 0) {
      internalPort = LocalResources.freePort();
    }
    try {
      Files.createDirectories(dataDir);
      Properties props =
          security == null
              ? BrokerProperties.of(port, controllerPort, dataDir, overrides)
              : BrokerProperties.secured(
                  port, internalPort, controllerPort, dataDir, security, overrides);
      KafkaConfig config = new KafkaConfig(props, false);
      formatIfNeeded(config);
      server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      awaitClientsAccepted();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare broker data dir " + dataDir, e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    log.info(
        "broker_started bootstrap={} security_protocol={} data_dir={} millis={}",
        bootstrapServers(),
        security == null ? "PLAINTEXT" : "SASL_SSL",
        dataDir,
        Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
  }

  /** Shuts the broker down cleanly, keeping its data, port and cluster id for a restart. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    long stoppingAt = System.nanoTime();
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      server = null;
    }
    log.info(
        "broker_stopped bootstrap={} millis={}",
        bootstrapServers(),
        Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
  }

  /** Stops the broker and deletes its data directory if it was a temporary one. */
  @Override
  public synchronized void close() {
    stop();
    if (temporaryDataDir) {
      LocalResources.deleteRecursively(dataDir);
    }
  }

  /** {@code localhost:PORT}; the port is known once the broker has started. */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /**
   * Where the broker's own clients connect without authentication: the PLAINTEXT listener on {@code
   * 127.0.0.1} of a secured broker, for the embedded registry and set-up code; the same as {@link
   * #bootstrapServers()} for a plain broker.
   */
  public synchronized String internalBootstrapServers() {
    return security == null ? bootstrapServers() : "127.0.0.1:" + internalPort;
  }

  /** The SASL_SSL settings of the client listener, empty for a plain broker. */
  public Optional<BrokerSecurity> security() {
    return Optional.ofNullable(security);
  }

  /** The client port, 0 until first started when built with {@code port(0)}. */
  public int port() {
    return port;
  }

  /** The directory holding the broker's logs and metadata. */
  public Path dataDir() {
    return dataDir;
  }

  /** Whether the broker is running. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  private void formatIfNeeded(KafkaConfig config) {
    if (Files.exists(dataDir.resolve("meta.properties"))) {
      return;
    }
    try {
      Formatter formatter = new Formatter();
      if (security != null) {
        // KIP-900: SCRAM credentials bootstrapped into the metadata log at format time
        formatter.setScramArguments(
            List.of(
                BrokerSecurity.SASL_MECHANISM
                    + "=[name="
                    + security.username()
                    + ",password="
                    + security.password()
                    + "]"));
      }
      formatter
          .setPrintStream(
              new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
          .setNodeId(BrokerProperties.NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(dataDir.toString()))
          .setMetadataLogDirectory(config.metadataLogDir())
          .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format broker storage in " + dataDir, e);
    }
    log.info("broker_storage_formatted data_dir={}", dataDir);
  }

  private void awaitClientsAccepted() {
    Map<String, Object> adminConfig =
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internalBootstrapServers());
    try (Admin admin = Admin.create(adminConfig)) {
      // the admin client retries connecting until the deadline of the call
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) READY_TIMEOUT.toMillis()))
          .nodes()
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the broker", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("broker not ready within " + READY_TIMEOUT, e.getCause());
    }
  }

  /** Builds an {@link EmbeddedKafkaBroker}; nothing starts until {@link #start()}. */
  public static final class Builder {
    private int port = 9092;
    private Path dataDir;
    private BrokerSecurity security;
    private final Map<String, String> overrides = new HashMap<>();

    private Builder() {}

    /** The client port; 0 picks a free one at first start and keeps it for restarts. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** The data directory, kept on close; without it a temporary directory is used. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /**
     * Makes the client listener SASL_SSL with SCRAM-SHA-512 (see the class comment); without it the
     * listener is PLAINTEXT.
     */
    public Builder saslSsl(BrokerSecurity security) {
      this.security = security;
      return this;
    }

    /** Any broker property, applied over the single-node defaults. */
    public Builder brokerProperty(String name, String value) {
      overrides.put(name, value);
      return this;
    }

    public EmbeddedKafkaBroker build() {
      return new EmbeddedKafkaBroker(this);
    }
  }
}
