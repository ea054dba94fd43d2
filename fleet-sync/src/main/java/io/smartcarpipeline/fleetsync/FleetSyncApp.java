package io.smartcarpipeline.fleetsync;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.fleetsync.api.CompatibilityRoutes;
import io.smartcarpipeline.fleetsync.api.SyncRoutes;
import io.smartcarpipeline.fleetsync.config.FleetSyncConfig;
import io.smartcarpipeline.fleetsync.kafka.CompactedTopics;
import io.smartcarpipeline.fleetsync.kafka.ConnectionPublisher;
import io.smartcarpipeline.fleetsync.kafka.EvidenceReader;
import io.smartcarpipeline.fleetsync.kafka.WishReader;
import io.smartcarpipeline.fleetsync.metrics.FleetSyncMetrics;
import io.smartcarpipeline.fleetsync.subscriptions.Exclusions;
import io.smartcarpipeline.fleetsync.subscriptions.SubscriptionReconciler;
import io.smartcarpipeline.fleetsync.sync.CallPriority;
import io.smartcarpipeline.fleetsync.sync.ConnectionBook;
import io.smartcarpipeline.fleetsync.sync.FleetListener;
import io.smartcarpipeline.fleetsync.sync.FleetSync;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.smartcar.client.SmartcarClient;
import io.smartcarpipeline.smartcar.fleet.CompatibilityApi;
import io.smartcarpipeline.smartcar.fleet.ConnectionsApi;
import io.smartcarpipeline.smartcar.fleet.SmartcarCaller;
import io.smartcarpipeline.smartcar.fleet.SubscriptionsApi;
import io.smartcarpipeline.smartcar.http.SmartcarHttp;
import io.smartcarpipeline.smartcar.metrics.BudgetGauges;
import io.smartcarpipeline.support.config.BindAddress;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.http.HttpErrors;
import io.smartcarpipeline.support.http.OpsRoutes;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.smartcarpipeline.support.kafka.TopicCreator;
import io.smartcarpipeline.support.metrics.Metrics;
import io.smartcarpipeline.support.service.Lifecycle;
import io.smartcarpipeline.support.service.ServiceMain;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet-sync service: Smartcar's connections to {@code smartcar.connections.v1}, the webhook
 * subscriptions reconciled with them, compatibility on demand; {@code POST /sync}, health and
 * metrics on {@code FLEET_SYNC_PORT}. This class only wires and runs, through the common {@link
 * Lifecycle}: topics, the restored connection records, Vert.x, the Smartcar client parts, the
 * extensions (gap-filling), the HTTP server, then the first sync.
 */
public final class FleetSyncApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FleetSyncApp.class);
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration BUDGET_SAMPLE = Duration.ofSeconds(5);

  /** Calls per logical Smartcar call, and the longest wait retried in place (else: next sync). */
  private static final int CALL_ATTEMPTS = 3;

  private static final Duration CALL_MAX_RETRY_WAIT = Duration.ofSeconds(30);

  /** Gap-filling reads in flight at most (each may be several pages). */
  private static final int READS_IN_FLIGHT = 4;

  /** A record whose only change is its sync time is republished after this many sync intervals. */
  private static final int HEARTBEAT_SYNCS = 12;

  /** Its own topics, the dead letters, and the wishes topic whose contract it owns. */
  private static final List<TopicSpec<?>> CREATES =
      Stream.concat(
              Topics.writtenBy(TopicSpec.Writer.FLEET_SYNC).stream(),
              Stream.of(Topics.SUBSCRIPTION_WISHES))
          .toList();

  private final FleetSyncConfig config;
  private final Lifecycle lifecycle;
  private final HttpServer http;

  private FleetSyncApp(FleetSyncConfig config, Lifecycle lifecycle, HttpServer http) {
    this.config = config;
    this.lifecycle = lifecycle;
    this.http = http;
  }

  /** Starts fleet-sync with its built-in extensions; fails naming the setting when one is bad. */
  public static FleetSyncApp start(Settings settings) {
    return start(settings, Extensions.builtIn(settings), Clock.systemUTC());
  }

  /** Starts fleet-sync with these extensions and clock (tests). */
  public static FleetSyncApp start(
      Settings settings, List<FleetSyncExtension> extensions, Clock clock) {
    FleetSyncConfig config = FleetSyncConfig.from(settings);
    return Lifecycle.start("fleet-sync", lifecycle -> start(lifecycle, config, extensions, clock));
  }

  public static void main(String[] args) {
    ServiceMain.run("fleet-sync", () -> start(Settings.load(Map.of(), System.getenv())));
  }

  /** The port POST /sync, health and metrics listen on. */
  public int port() {
    return http.actualPort();
  }

  public FleetSyncConfig config() {
    return config;
  }

  @Override
  public void close() {
    LOG.info("fleet_sync_stopping");
    lifecycle.close();
    LOG.info("fleet_sync_stopped");
  }

  private static FleetSyncApp start(
      Lifecycle lifecycle, FleetSyncConfig c, List<FleetSyncExtension> extensions, Clock clock) {
    createTopics(c);
    Map<String, VehicleConnection> restored =
        CompactedTopics.readAll(c.kafka(), Topics.CONNECTIONS, "fleet-sync-restore", STEP_TIMEOUT);
    PrometheusMeterRegistry registry = Metrics.newRegistry("fleet-sync");
    lifecycle.onStop("metrics", registry::close);
    FleetSyncMetrics metrics = new FleetSyncMetrics(registry);
    Vertx vertx = Vertx.vertx();
    lifecycle.onStop("vertx", () -> Lifecycle.await(vertx.close(), STEP_TIMEOUT, "close Vert.x"));
    Context context = vertx.getOrCreateContext();
    WebClient web =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setConnectTimeout(10_000)
                .setIdleTimeout((int) c.httpTimeout().toSeconds())
                .setUserAgent("smartcar-pipeline-fleet-sync"));
    lifecycle.onStop("web-client", web::close);
    ConnectionPublisher publisher =
        lifecycle.own(
            "connection-publisher",
            new ConnectionPublisher(
                c.kafka(),
                "fleet-sync-connections",
                context,
                e -> {
                  metrics.publishFailed();
                  LOG.warn("connection_publish_failed error={}", e.toString());
                }));
    if (!publisher.warmUp(STEP_TIMEOUT)) {
      LOG.warn(
          "connection_topic_metadata_missing topic={}: records are published once the broker"
              + " answers",
          Topics.CONNECTIONS.name());
    }
    ConnectionBook book =
        new ConnectionBook(
            restored, publisher::publish, c.syncInterval().multipliedBy(HEARTBEAT_SYNCS));
    SmartcarClient smartcar = // its budgets are used on context, where the gauges sample them
        SmartcarClient.create(
            c.smartcar(),
            web,
            c.httpTimeout(),
            clock,
            registry,
            new SmartcarClient.Observers(metrics::tokenRefreshed, metrics::breakerState));
    lifecycle.own(
        "budget-gauges",
        BudgetGauges.start(registry, vertx, context, smartcar.budgets().bucket(), BUDGET_SAMPLE));
    SmartcarCaller caller =
        smartcar.caller(vertx, CALL_ATTEMPTS, CALL_MAX_RETRY_WAIT, metrics::answer);
    CallPriority priority =
        new CallPriority(
            context,
            smartcar.budgets().bucket()::available,
            CallPriority.reserveFor(c.smartcar().budget().bucketCapacity()),
            READS_IN_FLIGHT);
    Router router = Router.router(vertx);
    HttpErrors.installDefaults(router);
    FleetSyncParts parts =
        new FleetSyncParts(c, vertx, context, web, caller, priority, book, clock, registry, router);
    List<FleetListener> listeners =
        extensions.stream().map(e -> e.start(parts, lifecycle)).toList();
    Exclusions exclusions = new Exclusions(c.excludedVehicles());
    lifecycle.own("wish-reader", new WishReader(c.kafka(), exclusions, STEP_TIMEOUT));
    lifecycle.own("evidence-reader", new EvidenceReader(c.kafka(), c.groupId(), context, book));
    FleetSync sync = sync(c, web, caller, priority, book, listeners, exclusions, clock, metrics);
    SyncRoutes.mount(router, sync);
    CompatibilityRoutes.mount(
        router,
        new CompatibilityApi(
            caller,
            new SmartcarHttp(web, c.origins().compatibility()),
            c.httpTimeout(),
            c.compatibilityTtl(),
            clock),
        book,
        priority);
    OpsRoutes.mount(router, registry, () -> Future.succeededFuture(lifecycle.ready()));
    HttpServer http = vertx.createHttpServer().requestHandler(router);
    // listened to from the service context, so every route runs there: the book, the read queue
    // and the budget gates are not thread-safe
    Lifecycle.await(
        Future.<HttpServer>future(
            p -> context.runOnContext(v -> http.listen(c.port(), c.bindAddress()).onComplete(p))),
        STEP_TIMEOUT,
        "listen on "
            + c.bindAddress()
            + ":"
            + c.port()
            + " ("
            + BindAddress.KEY
            + ", "
            + FleetSyncConfig.PORT
            + ")");
    lifecycle.onStop("http", () -> Lifecycle.await(http.close(), STEP_TIMEOUT, "close HTTP"));
    // last: the first sync now, then one every FLEET_SYNC_INTERVAL
    context.runOnContext(v -> sync.run("start"));
    long timer =
        vertx.setPeriodic(
            c.syncInterval().toMillis(), id -> context.runOnContext(v -> sync.run("schedule")));
    lifecycle.onStop("schedule", () -> vertx.cancelTimer(timer));
    if (c.webhookIds().isEmpty()) {
      LOG.warn(
          "no_webhook_configured: set {} to reconcile webhook subscriptions; only connections are"
              + " synced",
          FleetSyncConfig.SMARTCAR_WEBHOOK_IDS);
    }
    LOG.info(
        "fleet_sync_started config={} port={} restored={} listeners={}",
        c,
        http.actualPort(),
        restored.size(),
        listeners.size());
    return new FleetSyncApp(c, lifecycle, http);
  }

  private static FleetSync sync(
      FleetSyncConfig c,
      WebClient web,
      SmartcarCaller caller,
      CallPriority priority,
      ConnectionBook book,
      List<FleetListener> listeners,
      Exclusions exclusions,
      Clock clock,
      FleetSyncMetrics metrics) {
    ConnectionsApi connections =
        new ConnectionsApi(
            caller, new SmartcarHttp(web, c.origins().vehicleApi()), c.pageSize(), c.httpTimeout());
    SubscriptionsApi subscriptions =
        new SubscriptionsApi(
            caller,
            new SmartcarHttp(web, c.origins().management()),
            c.pathStyle(),
            c.pageSize(),
            c.httpTimeout());
    return new FleetSync(
        connections,
        new SubscriptionReconciler(subscriptions, exclusions, metrics),
        c.webhookIds(),
        priority,
        book,
        listeners,
        clock,
        metrics);
  }

  private static void createTopics(FleetSyncConfig c) {
    try (Admin admin =
        Admin.create(KafkaClients.adminConfig(c.kafka(), "fleet-sync-admin", STEP_TIMEOUT))) {
      TopicCreator.ensureTopics(admin, CREATES, c.topics(), STEP_TIMEOUT);
    }
  }
}
