package io.smartcarpipeline.dispatcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.dispatcher.idempotency.LedgerEntry;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledger's attempt markers never hold the event loop: {@code KafkaProducer.send} can block up
 * to {@code max.block.ms} (metadata miss, full buffer), so it runs on the ledger's own thread.
 * Proved the way the gateway's buffer-full test does: many sends from one event-loop task, which
 * must return at once, while a timer on the same loop keeps firing on time; sends that cannot go
 * fail after the small {@code max.block.ms} instead of after Kafka's default 60 s.
 */
@ExtendWith(LocalStackExtension.class)
class LedgerMarkerNoBlockIT {

  private static final Duration MAX_BLOCK = Duration.ofMillis(1500);
  private static final String FINGERPRINT = "v2:" + "f".repeat(64);

  private final Vertx vertx = Vertx.vertx();
  private KafkaLedgerStore store;

  @AfterEach
  void closeAll() throws Exception {
    if (store != null) {
      store.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aMetadataMissFailsTheMarkerAfterMaxBlockWithoutHoldingTheEventLoop(LocalStack stack) {
    // given a ledger topic that does not exist and is never created (no metadata will come)
    Context context = vertx.getOrCreateContext();
    store =
        new KafkaLedgerStore(
            KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl()),
            new LedgerLayout("no-such-ledger-" + System.nanoTime(), 1, 1, null),
            "no-block-it",
            context,
            (phase, nanos) -> {},
            MAX_BLOCK,
            Map.of()); // the broker does not create topics on demand

    // when an event-loop task writes markers, and a timer is due on the same loop meanwhile
    Measured m = writeFromOneTask(context, 50);

    // then the task returned at once and the timer fired on time, and the markers failed after
    // max.block.ms, not Kafka's default 60 s
    assertThat(m.taskNanos).isLessThan(Duration.ofMillis(500).toNanos());
    await().atMost(Duration.ofSeconds(5)).until(() -> m.timerLateNanos.future().isComplete());
    assertThat(m.timerLateNanos.future().result()).isLessThan(Duration.ofMillis(500).toNanos());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> m.acks.stream().allMatch(Future::isComplete));
    assertThat(m.acks).allMatch(Future::failed);
    assertThat(m.acks.get(0).cause().getMessage()).containsIgnoringCase("metadata");
  }

  @Test
  void aFullBufferDoesNotHoldTheEventLoop(LocalStack stack) throws Exception {
    // given an existing ledger topic and a producer buffer far smaller than what is written
    String topic = "ledger-buffer-" + System.nanoTime();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      KafkaLedgerStore.ensureTopic(admin, topic, 1, 1);
    }
    Context context = vertx.getOrCreateContext();
    store =
        new KafkaLedgerStore(
            KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl()),
            new LedgerLayout(topic, 1, 1, null),
            "buffer-it",
            context,
            (phase, nanos) -> {},
            MAX_BLOCK,
            Map.of(
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                4_096L,
                ProducerConfig.BATCH_SIZE_CONFIG,
                1_024));

    // when one event-loop task writes far more markers than the buffer holds
    Measured m = writeFromOneTask(context, 2_000);

    // then the loop was never held, and every marker ends (acknowledged or failed) on its own
    assertThat(m.taskNanos).isLessThan(Duration.ofMillis(500).toNanos());
    await().atMost(Duration.ofSeconds(5)).until(() -> m.timerLateNanos.future().isComplete());
    assertThat(m.timerLateNanos.future().result()).isLessThan(Duration.ofMillis(500).toNanos());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> m.acks.stream().allMatch(Future::isComplete));
    assertThat(m.acks.get(0).succeeded()).isTrue();
  }

  private static final class Measured {
    final List<Future<Void>> acks = new ArrayList<>();
    final Promise<Long> timerLateNanos = Promise.promise();
    volatile long taskNanos = Long.MAX_VALUE;
  }

  private Measured writeFromOneTask(Context context, int markers) {
    Measured m = new Measured();
    Promise<Void> ran = Promise.promise();
    context.runOnContext(
        v -> {
          long due = System.nanoTime() + Duration.ofMillis(100).toNanos();
          vertx.setTimer(
              100, id -> m.timerLateNanos.complete(Math.max(0, System.nanoTime() - due)));
          long start = System.nanoTime();
          for (int i = 0; i < markers; i++) {
            m.acks.add(
                store.write(LedgerEntry.started("cmd-" + i, FINGERPRINT, 1, Instant.EPOCH), 0));
          }
          m.taskNanos = System.nanoTime() - start;
          ran.complete();
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> ran.future().isComplete());
    return m;
  }
}
