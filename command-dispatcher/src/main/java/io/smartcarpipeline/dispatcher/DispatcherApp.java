package io.smartcarpipeline.dispatcher;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.dispatcher.api.SmartcarApiClient;
import io.smartcarpipeline.dispatcher.auth.IamTokenClient;
import io.smartcarpipeline.dispatcher.auth.TokenProvider;
import io.smartcarpipeline.dispatcher.config.DispatcherConfig;
import io.smartcarpipeline.dispatcher.dispatch.Budgets;
import io.smartcarpipeline.dispatcher.dispatch.CircuitBreaker;
import io.smartcarpipeline.dispatcher.dispatch.CommandExecutor;
import io.smartcarpipeline.dispatcher.dispatch.Dispatcher;
import io.smartcarpipeline.dispatcher.dispatch.TokenBucket;
import io.smartcarpipeline.dispatcher.dispatch.VehicleSpacing;
import io.smartcarpipeline.dispatcher.dispatch.VertxTimers;
import io.smartcarpipeline.dispatcher.errors.SmartcarErrorClassifier;
import io.smartcarpipeline.dispatcher.idempotency.IdempotencyLedger;
import io.smartcarpipeline.dispatcher.kafka.CommandConsumerLoop;
import io.smartcarpipeline.dispatcher.kafka.ConsumerLoopFactory;
import io.smartcarpipeline.dispatcher.kafka.KafkaLedgerStore;
import io.smartcarpipeline.dispatcher.metrics.DispatcherMetrics;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.http.OpsRoutes;
import io.smartcarpipeline.support.kafka.TopicCreator;
import io.smartcarpipeline.support.metrics.Metrics;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command dispatcher service: consumes {@code Topics.COMMANDS}, calls the Smartcar V3 commands
 * API, writes one final result per commandId to {@code Topics.COMMAND_RESULTS}; health and metrics
 * on {@code DISPATCHER_PORT}. This class only wires and runs: it loads the config, creates the
 * topics, starts Vert.x, the consumer thread and the HTTP server, and stops them in order.
 */
public final class DispatcherApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DispatcherApp.class);

  private final DispatcherConfig config;
  private final Vertx vertx;
  private final WebClient web;
  private final KafkaLedgerStore ledgerStore;
  private final VertxTimers timers;
  private final Context context;
  private final CommandConsumerLoop loop;
  private final Thread loopThread;
  private final HttpServer http;
  private final AtomicBoolean running;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DispatcherApp(Parts p) {
    this.config = p.config;
    this.vertx = p.vertx;
    this.web = p.web;
    this.ledgerStore = p.ledgerStore;
    this.timers = p.timers;
    this.context = p.context;
    this.loop = p.loop;
    this.loopThread = p.loopThread;
    this.http = p.http;
    this.running = p.running;
  }

  /** Starts the dispatcher with these settings; fails naming the setting when one is bad. */
  public static DispatcherApp start(Settings settings) {
    return new DispatcherApp(Parts.build(DispatcherConfig.from(settings)));
  }

  public static void main(String[] args) {
    DispatcherApp app = start(Settings.load(Map.of(), System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "dispatcher-shutdown"));
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
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("dispatcher_stopping");
    running.set(false);
    context.runOnContext(v -> timers.releaseAll()); // waiting commands wake up and step aside
    loop.stop(config.shutdownGrace());
    try {
      loopThread.join(config.shutdownGrace().plusSeconds(20).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ledgerStore.close();
    await(http.close());
    web.close();
    await(vertx.close());
    LOG.info("dispatcher_stopped");
  }

  private static void await(Future<?> f) {
    try {
      f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("dispatcher start/stop step failed: " + e.getMessage(), e);
    }
  }

  /** Everything the app owns, built in dependency order. */
  private static final class Parts {
    DispatcherConfig config;
    Vertx vertx;
    WebClient web;
    KafkaLedgerStore ledgerStore;
    VertxTimers timers;
    Context context;
    CommandConsumerLoop loop;
    Thread loopThread;
    HttpServer http;
    AtomicBoolean running = new AtomicBoolean(true);

    static Parts build(DispatcherConfig c) {
      Parts p = new Parts();
      p.config = c;
      String ledgerTopic = KafkaLedgerStore.topicName(c.groupId());
      createTopics(c, ledgerTopic);
      Clock clock = Clock.systemUTC();
      PrometheusMeterRegistry registry = Metrics.newRegistry("command-dispatcher");
      DispatcherMetrics metrics = new DispatcherMetrics(registry);
      p.vertx = Vertx.vertx();
      Context context = p.vertx.getOrCreateContext();
      p.context = context;
      p.web =
          WebClient.create(
              p.vertx,
              new WebClientOptions()
                  .setConnectTimeout(10_000)
                  .setUserAgent("smartcar-pipeline-command-dispatcher"),
              new PoolOptions().setHttp1MaxSize(c.httpMaxConnections()));
      TokenProvider tokens =
          new TokenProvider(
              new IamTokenClient(
                  p.web,
                  c.iamOrigin(),
                  c.clientId(),
                  c.clientSecret(),
                  clock,
                  Duration.ofSeconds(30)),
              clock,
              c.tokenRenewBefore(),
              metrics::tokenRefreshed);
      p.ledgerStore =
          new KafkaLedgerStore(
              c.bootstrapServers(), ledgerTopic, c.transactionalId(), context, metrics::phase);
      IdempotencyLedger ledger = new IdempotencyLedger(p.ledgerStore);
      p.timers = new VertxTimers(p.vertx);
      CommandExecutor executor =
          new CommandExecutor(
              tokens,
              new SmartcarApiClient(p.web, c.apiOrigin(), c.readTimeout()),
              new SmartcarErrorClassifier(),
              c.retry().policy(clock, new Random()),
              budgets(c, clock, metrics),
              ledger,
              p.timers,
              metrics,
              p.running::get);
      Dispatcher dispatcher = new Dispatcher(ledger, executor, clock, c.commandMaxAge(), metrics);
      p.loop =
          ConsumerLoopFactory.create(
              c,
              ledgerTopic,
              dispatcher,
              context,
              () -> KafkaLedgerStore.load(c.bootstrapServers(), ledgerTopic, ledger),
              metrics.inFlight(),
              metrics::phase);
      p.loopThread = new Thread(p.loop, "dispatcher-consumer");
      p.loopThread.start();
      Router router = Router.router(p.vertx);
      OpsRoutes.mount(router, registry, () -> Future.succeededFuture(p.loop.healthy()));
      p.http = p.vertx.createHttpServer().requestHandler(router);
      await(p.http.listen(c.port()));
      LOG.info("dispatcher_started config={} port={}", c, p.http.actualPort());
      return p;
    }

    private static Budgets budgets(DispatcherConfig c, Clock clock, DispatcherMetrics metrics) {
      DispatcherConfig.BudgetSettings b = c.budget();
      CircuitBreaker breaker =
          new CircuitBreaker(
              clock,
              b.breakerWindow(),
              b.breakerMinCalls(),
              b.breakerFailureRate(),
              b.breakerOpenFor(),
              state -> {
                metrics.breakerState(state);
                LOG.warn("breaker_state_changed state={}", state);
              });
      return new Budgets(
          clock,
          new TokenBucket(clock, b.bucketCapacity(), b.refillPerMinute()),
          new VehicleSpacing(clock, b.vehicleSpacing()),
          breaker,
          Duration.ofMinutes(1));
    }

    private static void createTopics(DispatcherConfig c, String ledgerTopic) {
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers()))) {
        TopicCreator.ensureTopics(
            admin,
            List.of(Topics.COMMANDS, Topics.COMMAND_RESULTS, Topics.DEAD_LETTERS),
            c.replicationFactor(),
            c.partitions(),
            Duration.ofSeconds(30));
        KafkaLedgerStore.ensureTopic(
            admin,
            ledgerTopic,
            c.partitions() > 0 ? c.partitions() : Topics.COMMANDS.partitions(),
            c.replicationFactor());
      }
    }
  }
}
