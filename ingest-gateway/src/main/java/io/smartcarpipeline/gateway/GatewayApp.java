package io.smartcarpipeline.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.gateway.http.ConnectionGuard;
import io.smartcarpipeline.gateway.http.GatewayMetrics;
import io.smartcarpipeline.gateway.http.GatewayRouter;
import io.smartcarpipeline.gateway.http.GatewayVerticle;
import io.smartcarpipeline.gateway.http.SourceGuard;
import io.smartcarpipeline.gateway.http.WebhookHandler;
import io.smartcarpipeline.gateway.kafka.EventProducer;
import io.smartcarpipeline.gateway.kafka.KafkaReadiness;
import io.smartcarpipeline.gateway.webhook.SignatureVerifier;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.smartcarpipeline.support.kafka.SubjectCompatibility;
import io.smartcarpipeline.support.kafka.TopicCreator;
import io.smartcarpipeline.support.metrics.Metrics;
import io.smartcarpipeline.support.service.Lifecycle;
import io.smartcarpipeline.support.service.ServiceMain;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest gateway's lifecycle: loads its config, makes sure its topics exist, warms the producer
 * (schemas registered, metadata loaded), then deploys one HTTP verticle per core on one port, all
 * sharing one producer. Rule: {@link #start} returns only once the server listens, and fails fast
 * with a message naming a missing or bad setting; {@link #close} stops taking requests before it
 * closes the producer. Start and stop follow the common {@link Lifecycle}: a failed start leaves no
 * thread or port behind.
 */
public final class GatewayApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayApp.class);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final List<TopicSpec<?>> WRITES =
      Topics.writtenBy(TopicSpec.Writer.INGEST_GATEWAY);

  private final Lifecycle lifecycle;
  private final int port;

  private GatewayApp(Lifecycle lifecycle, int port) {
    this.lifecycle = lifecycle;
    this.port = port;
  }

  /** Starts the gateway from the process environment. */
  public static void main(String[] args) {
    ServiceMain.run(
        "ingest-gateway", () -> start(Settings.load(GatewayConfig.DEFAULTS, System.getenv())));
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
    return Lifecycle.start("ingest-gateway", lifecycle -> start(lifecycle, config, clock));
  }

  private static GatewayApp start(Lifecycle lifecycle, GatewayConfig config, Clock clock) {
    Vertx vertx = Vertx.vertx();
    lifecycle.onStop(
        "vertx", () -> Lifecycle.await(vertx.close(), STARTUP_TIMEOUT, "close Vert.x"));
    Admin admin =
        lifecycle.own(
            "admin",
            Admin.create(
                KafkaClients.adminConfig(config.kafka(), "ingest-gateway-admin", STARTUP_TIMEOUT)));
    TopicCreator.ensureTopics(admin, WRITES, config.topics(), STARTUP_TIMEOUT);
    SubjectCompatibility.ensure(config.kafka(), WRITES);
    EventProducer producer = lifecycle.own("producer", EventProducer.create(vertx, config));
    producer.warmUp(WRITES, STARTUP_TIMEOUT);
    String probeSubject = Topics.VEHICLE_EVENTS.valueSubject();
    KafkaReadiness readiness =
        lifecycle.own(
            "readiness",
            new KafkaReadiness(
                vertx,
                admin,
                () -> producer.registry().latest(probeSubject),
                config.readinessInterval()));
    PrometheusMeterRegistry registry = Metrics.newRegistry("ingest-gateway");
    GatewayMetrics metrics = new GatewayMetrics(registry);
    SourceGuard sources = new SourceGuard(config.sourcePolicy(), clock, metrics);
    WebhookHandler handler =
        new WebhookHandler(
            new SignatureVerifier(config.managementToken(), config.previousManagementToken()),
            producer,
            metrics,
            clock,
            Math.max(1, config.retryAfter().toSeconds()),
            sources);
    Function<Vertx, Router> routes =
        v ->
            GatewayRouter.build(
                v,
                handler,
                metrics,
                registry,
                readiness::ready,
                config.maxBodyBytes(),
                config.serverLimits(),
                sources);
    lifecycle.onStop("http", () -> undeployAll(vertx));
    int port = deploy(vertx, config, routes, new ConnectionGuard(config.serverLimits(), metrics));
    LOG.info("gateway_started address={} port={} config={}", config.bindAddress(), port, config);
    return new GatewayApp(lifecycle, port);
  }

  /**
   * Deploys {@code instances} verticles on one port. Port 0 becomes -1: Vert.x binds one random
   * port and shares it across every server listening on the same negative port.
   */
  private static int deploy(
      Vertx vertx, GatewayConfig config, Function<Vertx, Router> routes, ConnectionGuard guard) {
    int listenPort = config.port() == 0 ? -1 : config.port();
    List<GatewayVerticle> deployed = new CopyOnWriteArrayList<>();
    Lifecycle.await(
        vertx.deployVerticle(
            () -> {
              GatewayVerticle verticle =
                  new GatewayVerticle(
                      config.bindAddress(), listenPort, routes, config.serverLimits(), guard);
              deployed.add(verticle);
              return verticle;
            },
            new DeploymentOptions().setInstances(config.instances())),
        STARTUP_TIMEOUT,
        "listen on port " + config.port() + " (" + GatewayConfig.PORT + ")");
    Set<Integer> ports = new TreeSet<>();
    deployed.forEach(v -> ports.add(v.actualPort()));
    if (ports.size() != 1) {
      throw new IllegalStateException("HTTP verticles listen on several ports: " + ports);
    }
    return ports.iterator().next();
  }

  /** The port the gateway listens on. */
  public int port() {
    return port;
  }

  /**
   * Stops serving, then closes the readiness probe, the producer (flushing), the admin client and
   * Vert.x.
   */
  @Override
  public void close() {
    lifecycle.close();
    LOG.info("gateway_stopped port={}", port);
  }

  private static void undeployAll(Vertx vertx) {
    for (String id : vertx.deploymentIDs()) {
      Lifecycle.await(vertx.undeploy(id), STARTUP_TIMEOUT, "stop the HTTP verticles");
    }
  }
}
