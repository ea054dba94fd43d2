package io.smartcarpipeline.localstack.registry;

import io.smartcarpipeline.localstack.tls.KeyStoreFile;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyStoreOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking the Confluent Schema Registry REST API (AVRO only), stored in a
 * compacted Kafka topic. {@link #start} reads the topic to its end before it listens, so a new
 * server on the same broker answers with the ids and versions registered before.
 *
 * <p>Run one registry per topic at a time: a server does not follow writes of another server on the
 * same topic after its start.
 */
public final class SchemaRegistryServer implements AutoCloseable {

  /** The port Confluent's registry uses. */
  /** The interface the registry listens on unless told another: this machine only. */
  public static final String LOOPBACK = "127.0.0.1";

  public static final int DEFAULT_PORT = 8081;

  /** The topic Confluent's registry uses. */
  public static final String DEFAULT_TOPIC = "_schemas";

  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final HttpServer httpServer;
  private final KafkaSchemaLog schemaLog;
  private final boolean https;

  private SchemaRegistryServer(
      Vertx vertx,
      boolean ownsVertx,
      HttpServer httpServer,
      KafkaSchemaLog schemaLog,
      boolean https) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.httpServer = httpServer;
    this.schemaLog = schemaLog;
    this.https = https;
  }

  /**
   * Starts a registry stored in {@value #DEFAULT_TOPIC}; see {@link #start(Vertx, String, int,
   * String)}.
   */
  public static Future<SchemaRegistryServer> start(Vertx vertx, String bootstrapServers, int port) {
    return start(vertx, bootstrapServers, port, DEFAULT_TOPIC);
  }

  /**
   * Starts a plain-HTTP registry without authentication; see {@link #start(Vertx, String, int,
   * String, RegistrySecurity)}.
   */
  public static Future<SchemaRegistryServer> start(
      Vertx vertx, String bootstrapServers, int port, String topic) {
    return start(vertx, bootstrapServers, port, topic, RegistrySecurity.none());
  }

  /**
   * Starts a registry: creates the topic if missing, replays it, then listens.
   *
   * @param vertx the Vert.x to run on, or null to create one that {@link #close} closes
   * @param bootstrapServers the Kafka cluster holding the topic, reached without authentication (a
   *     secured embedded broker's internal listener)
   * @param port the HTTP port, 0 for a free one
   * @param topic the storage topic
   * @param security HTTPS and basic auth, each optional
   * @return the started server, or the failure that prevented the start
   */
  public static Future<SchemaRegistryServer> start(
      Vertx vertx, String bootstrapServers, int port, String topic, RegistrySecurity security) {
    return start(vertx, bootstrapServers, LOOPBACK, port, topic, security);
  }

  /**
   * {@link #start(Vertx, String, int, String, RegistrySecurity)} on the interface {@code host}
   * ({@code 127.0.0.1}: this machine only; {@code 0.0.0.0}: every interface).
   */
  public static Future<SchemaRegistryServer> start(
      Vertx vertx,
      String bootstrapServers,
      String host,
      int port,
      String topic,
      RegistrySecurity security) {
    Vertx runtime = vertx != null ? vertx : Vertx.vertx();
    boolean ownsVertx = vertx == null;
    RegistryState state = new RegistryState();
    Future<SchemaRegistryServer> started =
        runtime
            .executeBlocking(() -> openAndReplay(runtime, bootstrapServers, topic, state))
            .compose(
                schemaLog ->
                    runtime
                        .createHttpServer(serverOptions(security))
                        .requestHandler(
                            RegistryRoutes.router(
                                runtime,
                                new SchemaRegistryService(state, schemaLog),
                                security.basicAuth()))
                        .listen(port, host)
                        .map(
                            http ->
                                new SchemaRegistryServer(
                                    runtime,
                                    ownsVertx,
                                    http,
                                    schemaLog,
                                    security.keystore().isPresent()))
                        .onFailure(error -> runtime.executeBlocking(() -> closeLog(schemaLog))));
    // a promise bound to no context: it completes even when the owned Vert.x is closed
    Promise<SchemaRegistryServer> result = Promise.promise();
    started.onComplete(
        attempt -> {
          if (attempt.succeeded()) {
            log.info(
                "registry_started url={} basic_auth={} topic={} bootstrap={}",
                attempt.result().url(),
                security.basicAuth().isPresent(),
                topic,
                bootstrapServers);
            result.complete(attempt.result());
            return;
          }
          log.error("registry_start_failed topic={} reason={}", topic, attempt.cause().toString());
          Future<Void> closed = ownsVertx ? closeFromOutside(runtime) : Future.succeededFuture();
          closed.onComplete(ignored -> result.fail(attempt.cause()));
        });
    return result.future();
  }

  /** Starts a registry and blocks until it listens; for mains and tests, never an event loop. */
  public static SchemaRegistryServer startBlocking(Vertx vertx, String bootstrapServers, int port) {
    return startBlocking(vertx, bootstrapServers, port, RegistrySecurity.none());
  }

  /** {@link #startBlocking(Vertx, String, int)} with HTTPS and / or basic auth. */
  public static SchemaRegistryServer startBlocking(
      Vertx vertx, String bootstrapServers, int port, RegistrySecurity security) {
    return startBlocking(vertx, bootstrapServers, port, DEFAULT_TOPIC, security);
  }

  /** {@link #start(Vertx, String, int, String, RegistrySecurity)}, blocking until it listens. */
  public static SchemaRegistryServer startBlocking(
      Vertx vertx, String bootstrapServers, int port, String topic, RegistrySecurity security) {
    return await(start(vertx, bootstrapServers, port, topic, security), Duration.ofSeconds(90));
  }

  /** {@link #start(Vertx, String, String, int, String, RegistrySecurity)}, blocking. */
  public static SchemaRegistryServer startBlocking(
      Vertx vertx, String bootstrapServers, String host, int port, RegistrySecurity security) {
    return await(
        start(vertx, bootstrapServers, host, port, DEFAULT_TOPIC, security),
        Duration.ofSeconds(90));
  }

  private static HttpServerOptions serverOptions(RegistrySecurity security) {
    HttpServerOptions options = new HttpServerOptions();
    security
        .clientCertificates()
        .ifPresent(
            truststore ->
                options
                    .setClientAuth(ClientAuth.REQUIRED)
                    .setTrustOptions(storeOptions(truststore)));
    security
        .keystore()
        .ifPresent(keystore -> options.setSsl(true).setKeyCertOptions(storeOptions(keystore)));
    return options;
  }

  private static KeyStoreOptions storeOptions(KeyStoreFile store) {
    return new KeyStoreOptions()
        .setType(store.type())
        .setPath(store.location().toString())
        .setPassword(store.password());
  }

  /** The port the registry listens on. */
  public int port() {
    return httpServer.actualPort();
  }

  /** {@code http://localhost:PORT}, or {@code https://localhost:PORT} when serving HTTPS. */
  public String url() {
    return (https ? "https" : "http") + "://localhost:" + port();
  }

  /**
   * Stops listening and closes the producer, then closes Vert.x if this server created it. When it
   * did, do not call this from one of that Vert.x's own threads.
   */
  public Future<Void> closeAsync() {
    // a promise bound to no context: it completes even once the owned Vert.x is closed
    Promise<Void> closed = Promise.promise();
    httpServer
        .close()
        .eventually(() -> vertx.executeBlocking(() -> closeLog(schemaLog)))
        .onComplete(
            released -> {
              Future<Void> vertxClosed =
                  ownsVertx ? closeFromOutside(vertx) : Future.succeededFuture();
              vertxClosed.onComplete(
                  ignored -> closed.handle(released.failed() ? released : vertxClosed));
            });
    return closed
        .future()
        .onComplete(ignored -> log.info("registry_stopped topic={}", schemaLog.topic()));
  }

  /**
   * Closes a Vert.x from a thread that is not one of its own, and completes on that thread:
   * continuations on the closing Vert.x's contexts would never run.
   */
  private static Future<Void> closeFromOutside(Vertx vertx) {
    Promise<Void> closed = Promise.promise();
    CompletableFuture.runAsync(() -> vertx.close().onComplete(closed));
    return closed.future();
  }

  private static Void closeLog(KafkaSchemaLog schemaLog) {
    schemaLog.close();
    return null;
  }

  /** {@link #closeAsync()}, blocking until done: call it from a main or a test thread. */
  @Override
  public void close() {
    await(closeAsync(), CLOSE_TIMEOUT);
  }

  private static KafkaSchemaLog openAndReplay(
      Vertx vertx, String bootstrapServers, String topic, RegistryState state) {
    long startedAt = System.nanoTime();
    KafkaSchemaLog schemaLog = KafkaSchemaLog.open(vertx, bootstrapServers, topic);
    try {
      int records = schemaLog.replay((key, value) -> RegistryLogRecords.apply(key, value, state));
      log.info(
          "registry_state_loaded topic={} records={} subjects={} next_id={} millis={}",
          topic,
          records,
          state.subjects().size(),
          state.nextId(),
          Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
      return schemaLog;
    } catch (RuntimeException e) {
      schemaLog.close();
      throw e;
    }
  }

  /** Vert.x 5's own {@link Future#await(long, TimeUnit)}, failures and time-outs unchecked. */
  private static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer within " + timeout, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) { // a checked cause, rethrown as it is by Future.await
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
