package io.smartcarpipeline.launcher.demo;

import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows some of the pipeline's topics on a thread of its own and hands every record's value (a
 * generated Avro class, whichever topic it came from) to a handler; {@link #close()} wakes it and
 * waits for it. The demo's orchestrator and monitor are small Kafka clients built on it.
 */
final class TopicFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

  private final KafkaConsumer<String, Object> consumer;
  private final Consumer<ConsumerRecord<String, Object>> handler;
  private final boolean commit;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  /**
   * @param commit whether to commit offsets (a named group that resumes) or not (a throwaway view)
   */
  TopicFollower(
      String name,
      String bootstrapServers,
      String registryUrl,
      String groupId,
      boolean commit,
      Collection<? extends TopicSpec<?>> topics,
      Consumer<ConsumerRecord<String, Object>> handler) {
    this.consumer =
        new KafkaConsumer<>(
            KafkaClients.consumerConfig(
                KafkaClientSettings.plain(bootstrapServers, registryUrl), groupId));
    this.consumer.subscribe(topics.stream().map(TopicSpec::name).toList());
    this.handler = handler;
    this.commit = commit;
    this.thread = new Thread(this::loop, name);
  }

  TopicFollower start() {
    thread.start();
    return this;
  }

  private void loop() {
    try {
      while (running.get()) {
        consumer.poll(Duration.ofMillis(500)).forEach(handler);
        if (commit) {
          consumer.commitAsync();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("topic_follower_failed name={} error={}", thread.getName(), e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
