package io.smartcarpipeline.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.TopicCreator;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The producer against the real broker with a buffer smaller than what one event-loop task sends:
 * records that find no room must fail at once (so the gateway answers 503 right away) instead of
 * holding the event loop, or a worker, until the broker has acknowledged earlier ones.
 */
@ExtendWith(LocalStackExtension.class)
class EventProducerBufferFullIT {

  private static final Duration PRODUCE_TIMEOUT = Duration.ofSeconds(10);
  private static final int RECORD_BYTES = 20_000;
  private static final int RECORDS = 20;

  private final Vertx vertx = Vertx.vertx();
  private EventProducer producer;

  @BeforeEach
  void warmProducerWithASmallBuffer(LocalStack stack) {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      TopicCreator.ensureTopics(admin, List.of(Topics.DEAD_LETTERS), 1, Duration.ofSeconds(30));
    }
    GatewayConfig config =
        GatewayConfig.from(
            Settings.of(
                Map.of(
                    GatewayConfig.MANAGEMENT_TOKEN,
                    "buffer-full-token",
                    GatewayConfig.PRODUCE_TIMEOUT,
                    PRODUCE_TIMEOUT.toMillis() + "ms",
                    CommonSettings.KAFKA_BOOTSTRAP_SERVERS,
                    stack.bootstrapServers(),
                    CommonSettings.SCHEMA_REGISTRY_URL,
                    stack.schemaRegistryUrl())));
    // room for two records of RECORD_BYTES, not three
    producer =
        EventProducer.create(
            vertx, config, Map.of(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * RECORD_BYTES + 8_000));
    producer.warmUp(List.of(Topics.DEAD_LETTERS), Duration.ofSeconds(30));
  }

  @AfterEach
  void closeAll() throws Exception {
    producer.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void whenTheBufferIsFullASendFailsAtOnceInsteadOfWaitingForSpace() throws Exception {
    // given records built beforehand, far more bytes than the producer's buffer holds
    List<DeadLetter> letters = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      letters.add(bigLetter(i));
    }

    // when they are all sent from one event loop task, faster than the broker acknowledges
    Promise<List<Future<RecordMetadata>>> sent = Promise.promise();
    Promise<Long> slowestSendNanos = Promise.promise();
    vertx
        .getOrCreateContext()
        .runOnContext(
            v -> {
              List<Future<RecordMetadata>> acks = new ArrayList<>();
              long slowest = 0;
              for (int i = 0; i < RECORDS; i++) {
                long start = System.nanoTime();
                acks.add(producer.send(Topics.DEAD_LETTERS, "veh-" + i, letters.get(i)));
                slowest = Math.max(slowest, System.nanoTime() - start);
              }
              slowestSendNanos.complete(slowest);
              sent.complete(acks);
            });
    List<Future<RecordMetadata>> acks = result(sent.future());

    // then no send() held the event loop; those that found no room failed with the producer's
    // "buffer exhausted" error long before the produce timeout, and the others were acknowledged
    assertThat(result(slowestSendNanos.future())).isLessThan(Duration.ofSeconds(2).toNanos());
    await().atMost(Duration.ofSeconds(5)).until(() -> acks.stream().allMatch(Future::isComplete));
    assertThat(acks.stream().filter(Future::failed).map(Future::cause))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).isInstanceOf(BufferExhaustedException.class));
    assertThat(acks.get(0).succeeded()).as("the first record had room").isTrue();
  }

  private static DeadLetter bigLetter(int i) {
    return DeadLetter.newBuilder()
        .setSource("test")
        .setReason("TEST")
        .setMessage("record " + i)
        .setValue(ByteBuffer.wrap(new byte[RECORD_BYTES]))
        .setHeaders(Map.of())
        .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"))
        .build();
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
