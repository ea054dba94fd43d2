package io.smartcarpipeline.processors;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.processors.kafka.StreamsProperties;
import io.smartcarpipeline.processors.query.FleetRoutes;
import io.smartcarpipeline.processors.query.QueryRoutes;
import io.smartcarpipeline.processors.query.StreamsReadModel;
import io.smartcarpipeline.processors.topology.ProcessorsTopology;
import io.smartcarpipeline.processors.topology.TopologySerdes;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.http.HttpErrors;
import io.smartcarpipeline.support.http.OpsRoutes;
import io.smartcarpipeline.support.kafka.TopicCreator;
import io.smartcarpipeline.support.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stream processors: loads config, creates missing topics, serves the query API and the
 * live fleet page (with health and metrics), starts Kafka Streams with the {@link
 * ProcessorsTopology} and waits for RUNNING. A failed stream thread is replaced a few times, then
 * the client shuts down rather than loop. Entry points: {@link #start(Settings)} for the launcher,
 * {@link #main} for a process.
 */
public final class ProcessorsApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessorsApp.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_THREAD_REPLACEMENTS = 3;

  private final Vertx vertx;
  private final HttpServer server;
  private final KafkaStreams streams;
  private final PrometheusMeterRegistry metrics;

  private ProcessorsApp(
      Vertx vertx, HttpServer server, KafkaStreams streams, PrometheusMeterRegistry metrics) {
    this.vertx = vertx;
    this.server = server;
    this.streams = streams;
    this.metrics = metrics;
  }

  /** Starts everything and returns once the streams are RUNNING and the query API listens. */
  public static ProcessorsApp start(Settings settings) {
    ProcessorsConfig config = ProcessorsConfig.from(settings);
    createTopics(config);
    PrometheusMeterRegistry metrics = Metrics.newRegistry("stream-processors");
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    HttpErrors.installDefaults(router);
    KafkaStreams[] holder = new KafkaStreams[1];
    OpsRoutes.mount(
        router,
        metrics,
        () ->
            Future.succeededFuture(
                holder[0] != null && holder[0].state() == KafkaStreams.State.RUNNING));
    HttpServer server =
        await(vertx.createHttpServer().requestHandler(router).listen(config.port()));
    int port = server.actualPort();
    KafkaStreams streams =
        new KafkaStreams(
            ProcessorsTopology.build(
                TopologySerdes.fromConfig(StreamsProperties.serdeConfig(config)),
                config.topology()),
            StreamsProperties.of(config, port));
    holder[0] = streams;
    new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(streams).bindTo(metrics);
    StreamsReadModel model =
        new StreamsReadModel(streams, new HostInfo(config.advertisedHost(), port));
    new QueryRoutes(vertx, model).mount(router);
    new FleetRoutes(vertx, model, config.eventsInterval(), Clock.systemUTC()).mount(router);
    ProcessorsApp app = new ProcessorsApp(vertx, server, streams, metrics);
    app.run(config);
    LOG.info("processors_started port={} application_id={}", port, config.applicationId());
    return app;
  }

  public static void main(String[] args) {
    ProcessorsApp app = start(Settings.load(ProcessorsConfig.defaults(), System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "processors-shutdown"));
  }

  /** The port the query API listens on. */
  public int port() {
    return server.actualPort();
  }

  /** The Kafka Streams state. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    LOG.info("processors_stopping");
    // leave the group so a restarted or remaining instance takes over at once, not after the
    // session timeout
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    try {
      await(server.close());
    } finally {
      await(vertx.close());
      metrics.close();
    }
  }

  private void run(ProcessorsConfig config) {
    CountDownLatch running = new CountDownLatch(1);
    AtomicInteger replacements = new AtomicInteger();
    streams.setStateListener(
        (now, before) -> {
          LOG.info("streams_state_changed from={} to={}", before, now);
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          int n = replacements.incrementAndGet();
          LOG.error("stream_thread_failed attempt={} error={}", n, e.toString(), e);
          return n <= MAX_THREAD_REPLACEMENTS
              ? StreamThreadExceptionResponse.REPLACE_THREAD
              : StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.start();
    try {
      if (!running.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new IllegalStateException(
            "Kafka Streams did not reach RUNNING within "
                + START_TIMEOUT
                + " (state "
                + streams.state()
                + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }

  private static void createTopics(ProcessorsConfig config) {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
      TopicCreator.ensureTopics(
          admin, Topics.all(), config.replicationFactor(), Duration.ofSeconds(30));
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not complete: " + e.getMessage(), e);
    }
  }
}
