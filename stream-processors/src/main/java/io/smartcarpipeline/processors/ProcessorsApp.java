package io.smartcarpipeline.processors;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.processors.kafka.ConfirmationMetrics;
import io.smartcarpipeline.processors.kafka.StreamsProperties;
import io.smartcarpipeline.processors.metrics.StateFreshnessMetrics;
import io.smartcarpipeline.processors.query.FleetRoutes;
import io.smartcarpipeline.processors.query.QueryRoutes;
import io.smartcarpipeline.processors.query.StreamsReadModel;
import io.smartcarpipeline.processors.topology.ProcessorsTopology;
import io.smartcarpipeline.processors.topology.TopologySerdes;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.http.HttpErrors;
import io.smartcarpipeline.support.http.OpsRoutes;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.smartcarpipeline.support.kafka.SubjectCompatibility;
import io.smartcarpipeline.support.kafka.TopicCreator;
import io.smartcarpipeline.support.metrics.ConsumerGroupLag;
import io.smartcarpipeline.support.metrics.Metrics;
import io.smartcarpipeline.support.service.Lifecycle;
import io.smartcarpipeline.support.service.ServiceMain;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stream processors: loads config, creates missing topics, serves the query API and the
 * live fleet page (with health and metrics), starts Kafka Streams with the {@link
 * ProcessorsTopology} and waits for RUNNING. At start it creates the topics it writes and reads
 * when missing (never any other), from the {@code Topics} registry and the common topic settings,
 * so they come out the same as when their writer creates them. Start and stop follow the common
 * {@link Lifecycle}. A failed stream thread is replaced a few times, then the client shuts down
 * rather than loop. Entry points: {@link #start(Settings)} for the launcher, {@link #main} for a
 * process.
 */
public final class ProcessorsApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessorsApp.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_THREAD_REPLACEMENTS = 3;
  private static final Duration OBSERVE_INTERVAL = Duration.ofSeconds(15);
  private static final List<TopicSpec<?>> READS =
      List.of(Topics.VEHICLE_EVENTS, Topics.COMMANDS, Topics.COMMAND_RESULTS, Topics.CONNECTIONS);

  private final Lifecycle lifecycle;
  private final HttpServer server;
  private final KafkaStreams streams;

  private ProcessorsApp(Lifecycle lifecycle, HttpServer server, KafkaStreams streams) {
    this.lifecycle = lifecycle;
    this.server = server;
    this.streams = streams;
  }

  /** Starts everything and returns once the streams are RUNNING and the query API listens. */
  public static ProcessorsApp start(Settings settings) {
    ProcessorsConfig config = ProcessorsConfig.from(settings);
    return Lifecycle.start("stream-processors", lifecycle -> start(lifecycle, config));
  }

  private static ProcessorsApp start(Lifecycle lifecycle, ProcessorsConfig config) {
    prepareTopics(config);
    PrometheusMeterRegistry metrics = Metrics.newRegistry("stream-processors");
    lifecycle.onStop("metrics", metrics::close);
    Vertx vertx = Vertx.vertx();
    lifecycle.onStop("vertx", () -> Lifecycle.await(vertx.close(), START_TIMEOUT, "close Vert.x"));
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
        Lifecycle.await(
            vertx
                .createHttpServer()
                .requestHandler(router)
                .listen(config.port(), config.bindAddress()),
            START_TIMEOUT,
            "listen on port " + config.port() + " (" + ProcessorsConfig.PORT + ")");
    lifecycle.onStop("http", () -> Lifecycle.await(server.close(), START_TIMEOUT, "close HTTP"));
    int port = server.actualPort();
    KafkaStreams streams =
        new KafkaStreams(
            ProcessorsTopology.build(
                TopologySerdes.fromConfig(StreamsProperties.serdeConfig(config)),
                config.topology(),
                new ConfirmationMetrics(metrics)),
            StreamsProperties.of(config, port));
    lifecycle.onStop("streams", () -> close(streams));
    holder[0] = streams;
    new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(streams).bindTo(metrics);
    StreamsReadModel model =
        new StreamsReadModel(streams, new HostInfo(config.advertisedHost(), port));
    new QueryRoutes(vertx, model).mount(router);
    new FleetRoutes(vertx, model, config.eventsInterval(), Clock.systemUTC()).mount(router);
    run(streams);
    observe(lifecycle, config, metrics, model);
    LOG.info("processors_started port={} config={}", port, config);
    return new ProcessorsApp(lifecycle, server, streams);
  }

  /** Consumer lag and state freshness, measured every {@link #OBSERVE_INTERVAL} off the streams. */
  private static void observe(
      Lifecycle lifecycle,
      ProcessorsConfig config,
      PrometheusMeterRegistry metrics,
      StreamsReadModel model) {
    lifecycle.own(
        "consumer-lag",
        ConsumerGroupLag.start(
            Admin.create(
                KafkaClients.adminConfig(
                    config.kafka(), "stream-processors-lag", OBSERVE_INTERVAL)),
            config.applicationId(),
            List.of(Topics.DEAD_LETTERS.name()),
            metrics,
            OBSERVE_INTERVAL,
            Clock.systemUTC()));
    lifecycle.own(
        "state-freshness",
        StateFreshnessMetrics.start(model::states, metrics, Clock.systemUTC(), OBSERVE_INTERVAL));
  }

  public static void main(String[] args) {
    ServiceMain.run(
        "stream-processors",
        () -> start(Settings.load(ProcessorsConfig.defaults(), System.getenv())));
  }

  /** The port the query API listens on. */
  public int port() {
    return server.actualPort();
  }

  /** The Kafka Streams state. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Stops Kafka Streams (leaving the group), then the HTTP server and Vert.x. */
  @Override
  public void close() {
    LOG.info("processors_stopping");
    lifecycle.close();
  }

  private static void close(KafkaStreams streams) {
    // leave the group so a restarted or remaining instance takes over at once, not after the
    // session timeout
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }

  private static void run(KafkaStreams streams) {
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
        throw new IllegalStateException(
            "Kafka Streams did not reach RUNNING within "
                + START_TIMEOUT
                + " (state "
                + streams.state()
                + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }

  /**
   * Creates the topics the processors write, and the ones they read when their writer has not
   * started yet: Kafka Streams cannot start on a missing source topic, and a user who never sends
   * commands never starts the dispatcher that writes the results topic.
   */
  private static void prepareTopics(ProcessorsConfig config) {
    try (Admin admin =
        Admin.create(
            KafkaClients.adminConfig(config.kafka(), "stream-processors-admin", START_TIMEOUT))) {
      TopicCreator.ensureTopics(
          admin,
          Stream.concat(
                  Topics.writtenBy(TopicSpec.Writer.STREAM_PROCESSORS).stream(), READS.stream())
              .toList(),
          config.topics(),
          START_TIMEOUT);
    }
    SubjectCompatibility.ensure(
        config.kafka(), Topics.writtenBy(TopicSpec.Writer.STREAM_PROCESSORS));
  }
}
