package io.smartcarpipeline.dispatcher;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.dispatcher.api.SmartcarApiClient;
import io.smartcarpipeline.dispatcher.compatibility.KnownUnsupported;
import io.smartcarpipeline.dispatcher.config.DispatcherConfig;
import io.smartcarpipeline.dispatcher.dispatch.CommandExecutor;
import io.smartcarpipeline.dispatcher.dispatch.Dispatcher;
import io.smartcarpipeline.dispatcher.dispatch.VertxTimers;
import io.smartcarpipeline.dispatcher.idempotency.IdempotencyLedger;
import io.smartcarpipeline.dispatcher.kafka.CommandConsumerLoop;
import io.smartcarpipeline.dispatcher.kafka.ConnectionsFollower;
import io.smartcarpipeline.dispatcher.kafka.ConsumerLoopFactory;
import io.smartcarpipeline.dispatcher.kafka.KafkaLedgerStore;
import io.smartcarpipeline.dispatcher.kafka.LedgerLayout;
import io.smartcarpipeline.dispatcher.kafka.LedgerLoader;
import io.smartcarpipeline.dispatcher.kafka.LedgerTopics;
import io.smartcarpipeline.dispatcher.metrics.DispatcherMetrics;
import io.smartcarpipeline.dispatcher.verify.SignalsStateReader;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.smartcar.client.SmartcarClient;
import io.smartcarpipeline.smartcar.metrics.BudgetGauges;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.http.OpsRoutes;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.smartcarpipeline.support.kafka.SubjectCompatibility;
import io.smartcarpipeline.support.kafka.TopicCreator;
import io.smartcarpipeline.support.metrics.ConsumerGroupLag;
import io.smartcarpipeline.support.metrics.Metrics;
import io.smartcarpipeline.support.service.Lifecycle;
import io.smartcarpipeline.support.service.ServiceMain;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command dispatcher service: consumes {@code Topics.COMMANDS}, calls the Smartcar V3 commands
 * API, writes one final result per commandId to {@code Topics.COMMAND_RESULTS}; health and metrics
 * on {@code DISPATCHER_PORT}. This class only wires and runs: it loads the config, creates the
 * topics, starts Vert.x, binds the HTTP server, then starts the consumer thread last, and stops
 * them in reverse order through the common {@link Lifecycle} (a failed start leaves no thread or
 * port behind).
 */
public final class DispatcherApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DispatcherApp.class);
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LAG_INTERVAL = Duration.ofSeconds(15);
  private static final Duration BUDGET_SAMPLE = Duration.ofSeconds(5);
  private static final Duration IAM_TIMEOUT = Duration.ofSeconds(30);

  /** Ready means the consumer polled within this gap (it polls every 100 ms when healthy). */
  private static final Duration READY_POLL_GAP = Duration.ofSeconds(30);

  /**
   * The dispatcher creates the topics it writes, and the commands topic: its writers are outside
   * the pipeline (orchestrators, the CLI), and the dispatcher owns the command contract.
   */
  private static final List<TopicSpec<?>> CREATES =
      Stream.concat(
              Stream.of(Topics.COMMANDS),
              Topics.writtenBy(TopicSpec.Writer.COMMAND_DISPATCHER).stream())
          .toList();

  private final DispatcherConfig config;
  private final Lifecycle lifecycle;
  private final HttpServer http;

  private DispatcherApp(DispatcherConfig config, Lifecycle lifecycle, HttpServer http) {
    this.config = config;
    this.lifecycle = lifecycle;
    this.http = http;
  }

  /** Starts the dispatcher with these settings; fails naming the setting when one is bad. */
  public static DispatcherApp start(Settings settings) {
    DispatcherConfig config = DispatcherConfig.from(settings);
    return Lifecycle.start("command-dispatcher", lifecycle -> start(lifecycle, config));
  }

  public static void main(String[] args) {
    ServiceMain.run("command-dispatcher", () -> start(Settings.load(Map.of(), System.getenv())));
  }

  /** The port health and metrics listen on. */
  public int port() {
    return http.actualPort();
  }

  public DispatcherConfig config() {
    return config;
  }

  /**
   * Stops taking commands, wakes waiting ones (they stay uncommitted for the next run, unsent),
   * lets calls already on the wire finish and their results be written, then closes everything.
   */
  @Override
  public void close() {
    LOG.info("dispatcher_stopping");
    lifecycle.close();
    LOG.info("dispatcher_stopped");
  }

  private static DispatcherApp start(Lifecycle lifecycle, DispatcherConfig c) {
    LedgerLayout layout = createTopics(c);
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry registry = Metrics.newRegistry("command-dispatcher");
    lifecycle.onStop("metrics", registry::close);
    DispatcherMetrics metrics = new DispatcherMetrics(registry);
    Vertx vertx = Vertx.vertx();
    lifecycle.onStop("vertx", () -> Lifecycle.await(vertx.close(), STEP_TIMEOUT, "close Vert.x"));
    Context context = vertx.getOrCreateContext();
    WebClient web =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setConnectTimeout(10_000)
                .setUserAgent("smartcar-pipeline-command-dispatcher"),
            new PoolOptions().setHttp1MaxSize(c.httpMaxConnections()));
    lifecycle.onStop("web-client", web::close);
    SmartcarClient smartcar = // its budgets are used on context: sampled there
        SmartcarClient.create(
            c.smartcar(),
            web,
            IAM_TIMEOUT,
            clock,
            registry,
            new SmartcarClient.Observers(metrics::tokenRefreshed, metrics::breakerState));
    lifecycle.own(
        "budget-gauges",
        BudgetGauges.start(registry, vertx, context, smartcar.budgets().bucket(), BUDGET_SAMPLE));
    KafkaLedgerStore ledgerStore =
        lifecycle.own(
            "ledger",
            new KafkaLedgerStore(
                c.kafka(),
                layout,
                c.transactionalId(),
                context,
                metrics::phase,
                c.ledgerMaxBlock()));
    IdempotencyLedger ledger = new IdempotencyLedger(ledgerStore);
    LedgerLoader loader = new LedgerLoader(c.kafka(), layout, ledger);
    KnownUnsupported unsupported = new KnownUnsupported();
    lifecycle.own(
        "connections",
        new ConnectionsFollower(c.kafka(), c.transactionalId() + "-connections", unsupported));
    metrics.knownUnsupported(unsupported::size);
    VertxTimers timers = new VertxTimers(vertx);
    AtomicBoolean running = new AtomicBoolean(true);
    Dispatcher dispatcher =
        new Dispatcher(
            ledger,
            executor(c, clock, web, smartcar, ledger, timers, metrics, running),
            clock,
            c.commandMaxAge(),
            metrics,
            unsupported);
    CommandConsumerLoop loop =
        ConsumerLoopFactory.create(
            c, layout, dispatcher, context, loader::onAssigned, metrics.inFlight(), metrics::phase);
    lifecycle.onStop("ledger-loader", loader::close); // after the loop: it runs on its thread
    lifecycle.onStop("consumer", loop::discardIfNeverRun);
    lifecycle.own(
        "consumer-lag",
        ConsumerGroupLag.start(
            Admin.create(
                KafkaClients.adminConfig(c.kafka(), "command-dispatcher-lag", LAG_INTERVAL)),
            c.groupId(),
            List.of(),
            registry,
            LAG_INTERVAL,
            clock));
    Router router = Router.router(vertx);
    OpsRoutes.mount(
        router, registry, () -> Future.succeededFuture(lifecycle.ready() && loop.healthy()));
    HttpServer http = vertx.createHttpServer().requestHandler(router);
    Lifecycle.await(
        http.listen(c.port(), c.bindAddress()),
        STEP_TIMEOUT,
        "listen on port " + c.port() + " (" + DispatcherConfig.PORT + ")");
    lifecycle.onStop("http", () -> Lifecycle.await(http.close(), STEP_TIMEOUT, "close HTTP"));
    // last: the consumer thread starts only once everything it needs is up
    Thread loopThread = new Thread(loop, "dispatcher-consumer");
    loopThread.start();
    lifecycle.onStop(
        "consumer-thread", () -> stopLoop(c, context, timers, running, loop, loopThread));
    LOG.info("dispatcher_started config={} port={}", c, http.actualPort());
    return new DispatcherApp(c, lifecycle, http);
  }

  /** Stops taking commands and lets the calls on the wire finish (see {@link #close}). */
  private static void stopLoop(
      DispatcherConfig c,
      Context context,
      VertxTimers timers,
      AtomicBoolean running,
      CommandConsumerLoop loop,
      Thread loopThread)
      throws InterruptedException {
    running.set(false);
    context.runOnContext(v -> timers.releaseAll()); // waiting commands wake up and step aside
    loop.stop(c.shutdownGrace());
    loopThread.join(c.shutdownGrace().plusSeconds(20).toMillis());
  }

  private static CommandExecutor executor(
      DispatcherConfig c,
      Clock clock,
      WebClient web,
      SmartcarClient smartcar,
      IdempotencyLedger ledger,
      VertxTimers timers,
      DispatcherMetrics metrics,
      AtomicBoolean running) {
    return new CommandExecutor(
        smartcar.tokens(),
        new SmartcarApiClient(web, c.apiOrigin(), c.readTimeout()),
        smartcar.classifier(),
        c.retry().policy(clock, new Random()),
        smartcar.budgets(),
        ledger,
        timers,
        metrics,
        running::get,
        new SignalsStateReader(web, c.apiOrigin(), Duration.ofSeconds(60)),
        c.stateReadDelay(),
        c.oemRateLimitHold());
  }

  private static LedgerLayout createTopics(DispatcherConfig c) {
    try (Admin admin =
        Admin.create(
            KafkaClients.adminConfig(c.kafka(), "command-dispatcher-admin", STEP_TIMEOUT))) {
      TopicCreator.ensureTopics(admin, CREATES, c.topics(), STEP_TIMEOUT);
      SubjectCompatibility.ensure(c.kafka(), Topics.writtenBy(TopicSpec.Writer.COMMAND_DISPATCHER));
      return LedgerTopics.prepare(admin, c.groupId(), c.topics().replicationFactor());
    }
  }
}
