package io.smartcarpipeline.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.gateway.http.ConnectionGuard;
import io.smartcarpipeline.gateway.http.GatewayMetrics;
import io.smartcarpipeline.gateway.http.GatewayRouter;
import io.smartcarpipeline.gateway.http.GatewayVerticle;
import io.smartcarpipeline.gateway.http.WebhookHandler;
import io.smartcarpipeline.gateway.kafka.EventProducer;
import io.smartcarpipeline.gateway.kafka.KafkaReadiness;
import io.smartcarpipeline.gateway.webhook.SignatureVerifier;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.TopicCreator;
import io.smartcarpipeline.support.metrics.Metrics;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest gateway's lifecycle: loads its config, makes sure its topics exist, warms the producer
 * (schemas registered, metadata loaded), then deploys one HTTP verticle per core on one port, all
 * sharing one producer. Rule: {@link #start} returns only once the server listens, and fails fast
 * with a message naming a missing or bad setting; {@link #close} stops taking requests before it
 * closes the producer.
 */
public final class GatewayApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayApp.class);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final List<TopicSpec<?>> WRITES =
      List.of(Topics.VEHICLE_EVENTS, Topics.DEAD_LETTERS);

  private final List<AutoCloseable> resources;
  private final Vertx vertx;
  private final int port;

  private GatewayApp(Vertx vertx, int port, List<AutoCloseable> resources) {
    this.vertx = vertx;
    this.port = port;
    this.resources = resources;
  }

  /** Starts the gateway from the process environment. */
  public static void main(String[] args) {
    System.setProperty(
        "org.apache.avro.SERIALIZABLE_PACKAGES",
        System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.smartcarpipeline.events"));
    GatewayApp app;
    try {
      app = start(Settings.load(GatewayConfig.DEFAULTS, System.getenv()));
    } catch (ConfigException e) {
      LOG.error("gateway_config_invalid setting={} error={}", e.key(), e.getMessage());
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "gateway-shutdown"));
  }

  /**
   * Starts the gateway and blocks until it listens.
   *
   * @throws ConfigException naming a missing or bad setting
   * @throws IllegalStateException if Kafka, the registry or the port cannot be reached or bound
   */
  public static GatewayApp start(Settings settings) {
    return start(GatewayConfig.from(settings), Clock.systemUTC());
  }

  /** Starts the gateway with a given config and clock (tests). */
  public static GatewayApp start(GatewayConfig config, Clock clock) {
    List<AutoCloseable> resources = new ArrayList<>();
    Vertx vertx = Vertx.vertx();
    resources.add(() -> await(vertx.close()));
    try {
      Admin admin = Admin.create(adminConfig(config));
      resources.add(0, admin);
      TopicCreator.ensureTopics(
          admin, WRITES, config.replicationFactor(), config.partitionsOverride(), STARTUP_TIMEOUT);
      EventProducer producer = EventProducer.create(vertx, config);
      resources.add(0, producer);
      producer.warmUp(WRITES, STARTUP_TIMEOUT);
      KafkaReadiness readiness =
          new KafkaReadiness(vertx, admin, config.schemaRegistryUrl(), config.readinessInterval());
      resources.add(0, readiness);
      PrometheusMeterRegistry registry = Metrics.newRegistry("ingest-gateway");
      GatewayMetrics metrics = new GatewayMetrics(registry);
      WebhookHandler handler =
          new WebhookHandler(
              new SignatureVerifier(config.managementToken(), config.previousManagementToken()),
              producer,
              metrics,
              clock,
              Math.max(1, config.retryAfter().toSeconds()));
      Function<Vertx, Router> routes =
          v ->
              GatewayRouter.build(
                  v,
                  handler,
                  metrics,
                  registry,
                  readiness::ready,
                  config.maxBodyBytes(),
                  config.serverLimits());
      int port = deploy(vertx, config, routes, new ConnectionGuard(config.serverLimits(), metrics));
      resources.add(0, () -> undeployAll(vertx));
      LOG.info(
          "gateway_started port={} instances={} produce_timeout={} previous_token={}",
          port,
          config.instances(),
          config.produceTimeout(),
          config.previousManagementToken().isPresent());
      return new GatewayApp(vertx, port, resources);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /**
   * Deploys {@code instances} verticles on one port. Port 0 becomes -1: Vert.x binds one random
   * port and shares it across every server listening on the same negative port.
   */
  private static int deploy(
      Vertx vertx, GatewayConfig config, Function<Vertx, Router> routes, ConnectionGuard guard) {
    int listenPort = config.port() == 0 ? -1 : config.port();
    List<GatewayVerticle> deployed = new CopyOnWriteArrayList<>();
    await(
        vertx.deployVerticle(
            () -> {
              GatewayVerticle verticle =
                  new GatewayVerticle(listenPort, routes, config.serverLimits(), guard);
              deployed.add(verticle);
              return verticle;
            },
            new DeploymentOptions().setInstances(config.instances())));
    Set<Integer> ports = new TreeSet<>();
    deployed.forEach(v -> ports.add(v.actualPort()));
    if (ports.size() != 1) {
      throw new IllegalStateException("HTTP verticles listen on several ports: " + ports);
    }
    return ports.iterator().next();
  }

  private static Map<String, Object> adminConfig(GatewayConfig config) {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.bootstrapServers(),
        AdminClientConfig.CLIENT_ID_CONFIG,
        "ingest-gateway-admin",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
        5000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        (int) STARTUP_TIMEOUT.toMillis());
  }

  /** The port the gateway listens on. */
  public int port() {
    return port;
  }

  /**
   * Stops serving, then closes the readiness probe, the producer (flushing) and the admin client.
   */
  @Override
  public void close() {
    closeAll(resources);
    LOG.info("gateway_stopped port={}", port);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    // Newest first: HTTP servers, readiness probe, producer (flushes), admin client, Vert.x.
    for (AutoCloseable r : List.copyOf(resources)) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn(
            "gateway_close_failed resource={} error={}",
            r.getClass().getSimpleName(),
            e.toString());
      }
    }
    resources.clear();
  }

  private static void undeployAll(Vertx vertx) {
    for (String id : vertx.deploymentIDs()) {
      await(vertx.undeploy(id));
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out after " + STARTUP_TIMEOUT, e);
    }
  }
}
