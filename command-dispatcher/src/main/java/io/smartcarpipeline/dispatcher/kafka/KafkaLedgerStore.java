package io.smartcarpipeline.dispatcher.kafka;

import io.smartcarpipeline.dispatcher.idempotency.LedgerCodec;
import io.smartcarpipeline.dispatcher.idempotency.LedgerEntry;
import io.smartcarpipeline.dispatcher.idempotency.LedgerWriter;
import io.smartcarpipeline.dispatcher.metrics.CommandPhase;
import io.smartcarpipeline.dispatcher.metrics.CommandTimeline;
import io.smartcarpipeline.support.kafka.ClientKind;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable side of the idempotency ledger: an internal compacted topic keyed by commandId, named
 * after the consumer group ({@code <groupId>-ledger-v2}, like Kafka Streams' internal topics), each
 * entry in the partition of its command ({@link LedgerLayout}). The assigned partitions are read
 * into memory on every assignment ({@link LedgerLoader}); "attempt started" markers are written
 * through an idempotent producer and acknowledged before the call goes out; FINAL entries go
 * through the results transaction ({@link TransactionalOutput}).
 */
public final class KafkaLedgerStore implements LedgerWriter, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaLedgerStore.class);

  /**
   * Compacted, and entries older than 30 days are dropped (commandIds are not reused that late).
   */
  static final Map<String, String> TOPIC_CONFIG =
      Map.of(
          "cleanup.policy", "compact,delete",
          "retention.ms", String.valueOf(Duration.ofDays(30).toMillis()),
          "min.compaction.lag.ms", "60000");

  private final String topic;
  private final LedgerLayout layout;
  private final KafkaProducer<String, String> producer;
  private final Context context;
  private final CommandTimeline.PhaseRecorder phases;
  private final ExecutorService sender;
  private final long maxBlockNanos;

  /** Sender thread only: when a send last waited max.block.ms in vain. */
  private volatile long blockedAt = System.nanoTime() - Duration.ofDays(1).toNanos();

  private static final String UNAVAILABLE =
      "the ledger topic is unavailable (a marker waited max.block.ms moments ago): check the Kafka"
          + " brokers";

  /**
   * @param phases records {@link CommandPhase#MARKER_ACK}: produce → ack on the I/O thread
   * @param maxBlock the producer's {@code max.block.ms}: a send that finds no metadata or no buffer
   *     space fails after this, on the ledger's own sending thread, never on the event loop
   */
  public KafkaLedgerStore(
      KafkaClientSettings kafka,
      LedgerLayout layout,
      String clientId,
      Context context,
      CommandTimeline.PhaseRecorder phases,
      Duration maxBlock) {
    this(kafka, layout, clientId, context, phases, maxBlock, Map.of());
  }

  /** As above, with extra producer settings (tests: a tiny {@code buffer.memory}). */
  public KafkaLedgerStore(
      KafkaClientSettings kafka,
      LedgerLayout layout,
      String clientId,
      Context context,
      CommandTimeline.PhaseRecorder phases,
      Duration maxBlock,
      Map<String, Object> overrides) {
    this.topic = layout.topic();
    this.layout = layout;
    this.context = context;
    this.phases = phases;
    Map<String, Object> c = new HashMap<>();
    c.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-ledger");
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
    this.maxBlockNanos = maxBlock.toNanos();
    c.putAll(overrides);
    this.sender =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "dispatcher-ledger-sender");
              t.setDaemon(true);
              return t;
            });
    this.producer =
        new KafkaProducer<>(
            kafka.config(ClientKind.PRODUCER, c), new StringSerializer(), new StringSerializer());
  }

  /** The ledger topic of a consumer group (entries in their command's partition). */
  public static String topicName(String groupId) {
    return groupId + "-ledger-v2";
  }

  /** The ledger topic of the old layout (entries partitioned by commandId), read-only now. */
  public static String legacyTopicName(String groupId) {
    return groupId + "-ledger";
  }

  /** Creates the ledger topic when missing. */
  public static void ensureTopic(Admin admin, String topic, int partitions, int replication) {
    try {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      if (!names.contains(topic)) {
        NewTopic t = new NewTopic(topic, partitions, (short) replication).configs(TOPIC_CONFIG);
        admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
        LOG.info("topic_created topic={}", topic);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create ledger topic " + topic + ": " + e, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out creating " + topic, e);
    }
  }

  /**
   * Writes an "attempt started" marker; completes on the dispatcher context once acked. {@code
   * send} runs on the ledger's own thread (one, so markers keep their order): {@code
   * KafkaProducer.send} may block up to {@code max.block.ms} for metadata or buffer space, and that
   * must never hold the event loop, which also serves every other command and the health routes.
   */
  @Override
  public Future<Void> write(LedgerEntry entry, int commandPartition) {
    Promise<Void> promise = Promise.promise();
    long sentAt = System.nanoTime();
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            topic,
            layout.ledgerPartition(commandPartition),
            entry.commandId(),
            LedgerCodec.encode(entry));
    try {
      sender.execute(() -> send(record, sentAt, promise));
    } catch (RejectedExecutionException e) {
      promise.fail(new IllegalStateException("the ledger is closed", e));
    }
    return promise.future();
  }

  private void send(ProducerRecord<String, String> record, long sentAt, Promise<Void> promise) {
    if (System.nanoTime() - blockedAt < maxBlockNanos) {
      // a marker just waited max.block.ms in vain: fail the queued ones at once instead of making
      // each of them wait as long in turn (their commands are retried later, not sent)
      complete(promise, new IllegalStateException(UNAVAILABLE));
      return;
    }
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              phases.record(CommandPhase.MARKER_ACK, System.nanoTime() - sentAt);
            } else if (error instanceof org.apache.kafka.common.errors.TimeoutException) {
              blockedAt = System.nanoTime();
            }
            complete(promise, error);
          });
    } catch (RuntimeException e) {
      blockedAt = System.nanoTime();
      complete(promise, e); // max.block.ms ran out, or the producer is closed
    }
  }

  private void complete(Promise<Void> promise, Throwable error) {
    context.runOnContext(
        v -> {
          if (error == null) {
            promise.complete();
          } else {
            promise.fail(error);
          }
        });
  }

  public String topic() {
    return topic;
  }

  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
  }
}
