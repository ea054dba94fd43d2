package io.smartcarpipeline.fleetsync.gapfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.support.http.OpsRoutes;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.metrics.Metrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gap-fill producer never holds fleet-sync's event loop: against the real broker with the
 * events topic missing (auto-create is off), and against a broker that is not there, every publish
 * fails within a second while {@code /health/live}, served from the same context, keeps answering
 * within a second. Kafka's default {@code max.block.ms} (60 s) would block the loop on the first
 * send.
 */
@ExtendWith(LocalStackExtension.class)
class ApiReadPublisherIT {

  private static final Duration BOUND = Duration.ofSeconds(1);

  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(BOUND).build();
  private ApiReadPublisher publisher;

  @AfterEach
  void stop() throws Exception {
    if (publisher != null) {
      publisher.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aMissingTopicFailsThePublishAndTheLoopStaysFree(LocalStack stack) throws Exception {
    KafkaClientSettings kafka =
        KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl());
    failsFastWhileHealthAnswers(kafka, "fleet-sync-it-missing-" + System.nanoTime());
  }

  @Test
  void anUnreachableBrokerFailsThePublishAndTheLoopStaysFree(LocalStack stack) throws Exception {
    KafkaClientSettings kafka = KafkaClientSettings.plain("localhost:1", stack.schemaRegistryUrl());
    failsFastWhileHealthAnswers(kafka, "smartcar.vehicle-events.v1");
  }

  private void failsFastWhileHealthAnswers(KafkaClientSettings kafka, String topic)
      throws Exception {
    int port = healthServer();
    publisher = new ApiReadPublisher(kafka, "api-read-it", topic, context);
    assertThat(on(() -> publisher.ready())).isFalse();

    long started = System.nanoTime();
    List<Future<Void>> publishes =
        on(
            () -> {
              List<Future<Void>> sent = new ArrayList<>();
              for (int i = 0; i < 20; i++) {
                sent.add(publisher.publish(event("veh-" + i)));
              }
              return sent;
            });
    // the loop is free: health answers within the bound, many times over
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> live =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/live"))
                  .timeout(BOUND)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).isEqualTo(200);
    }
    // and every publish was refused (not left hanging): the read stays owed
    for (Future<Void> f : publishes) {
      CompletableFuture<Void> done = f.toCompletionStage().toCompletableFuture();
      assertThat(done).failsWithin(BOUND);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND.multipliedBy(3));
    assertThat(on(() -> publisher.ready())).isFalse();
  }

  private int healthServer() throws Exception {
    PrometheusMeterRegistry registry = Metrics.newRegistry("api-read-it");
    Router router = Router.router(vertx);
    OpsRoutes.mount(router, registry, () -> Future.succeededFuture(true));
    HttpServer server = vertx.createHttpServer().requestHandler(router);
    return on(() -> server.listen(0, "localhost"))
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .actualPort();
  }

  /** A real API read's event (the empty signals answer). */
  private static VehicleEvent event(String vehicleId) {
    return ApiReadEvents.map(
        vehicleId,
        "user-" + vehicleId,
        new VehicleProfile("FORD", "F-150", 2023, false),
        "live",
        "{\"data\":[]}",
        Instant.parse("2026-03-02T06:00:00Z"));
  }

  private <T> T on(java.util.concurrent.Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          try {
            result.complete(work.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(10, TimeUnit.SECONDS);
  }
}
