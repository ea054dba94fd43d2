package io.smartcarpipeline.localstack.registry;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's storage: a compacted single-partition Kafka topic. {@link #open} creates the topic
 * if missing, {@link #replay} reads it from the beginning to its end offset (both blocking, for a
 * worker thread), and {@link #append} writes with {@code acks=all} and completes on the caller's
 * Vert.x context once the broker has acknowledged, never blocking an event loop.
 */
final class KafkaSchemaLog implements AutoCloseable {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final String bootstrapServers;
  private final TopicPartition partition;
  private final KafkaProducer<String, String> producer;

  private KafkaSchemaLog(Vertx vertx, String bootstrapServers, String topic) {
    this.vertx = vertx;
    this.bootstrapServers = bootstrapServers;
    this.partition = new TopicPartition(topic, 0);
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000),
            new StringSerializer(),
            new StringSerializer());
  }

  /** Creates the topic if missing and connects a producer. Blocking. */
  static KafkaSchemaLog open(Vertx vertx, String bootstrapServers, String topic) {
    createTopicIfMissing(bootstrapServers, topic);
    KafkaSchemaLog log = new KafkaSchemaLog(vertx, bootstrapServers, topic);
    log.producer.partitionsFor(topic); // warms the metadata so that appends do not wait for it
    return log;
  }

  String topic() {
    return partition.topic();
  }

  /** Reads every record from the beginning to the current end offset. Blocking. */
  int replay(BiConsumer<String, String> apply) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    int records = 0;
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), CALL_TIMEOUT).get(partition);
      long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
      while (consumer.position(partition, CALL_TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("cannot read " + partition + " to offset " + end);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          apply.accept(record.key(), record.value());
          records++;
        }
      }
    }
    return records;
  }

  /** Writes one record; the future completes on the caller's context after the broker's ack. */
  Future<Void> append(String key, String value) {
    Context context = vertx.getOrCreateContext();
    Promise<Void> acked = Promise.promise();
    ProducerRecord<String, String> record =
        new ProducerRecord<>(partition.topic(), partition.partition(), key, value);
    // send() may block while metadata is fetched or the buffer is full: not on the event loop
    vertx
        .executeBlocking(
            () ->
                producer.send(
                    record,
                    (metadata, error) ->
                        context.runOnContext(
                            ignored -> {
                              if (error == null) {
                                acked.complete();
                              } else {
                                acked.fail(error);
                              }
                            })))
        .onFailure(acked::tryFail);
    return acked.future();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  private static void createTopicIfMissing(String bootstrapServers, String topic) {
    NewTopic newTopic =
        new NewTopic(topic, Optional.of(1), Optional.empty())
            .configs(
                Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                    "1"));
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(Set.of(newTopic)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating topic " + topic, e);
    }
  }
}
