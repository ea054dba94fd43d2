package io.smartcarpipeline.fleetsync.kafka;

import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop fleet-sync's readers share, on a daemon thread of its own: every record goes to
 * {@code onRecord} (which hands it to the service context when it touches state), a record that
 * cannot be read is skipped with a warning, offsets are committed after each batch when asked, and
 * {@link #close} wakes the consumer and waits for the thread.
 */
public final class ConsumerLoop<V> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);

  private final KafkaConsumer<String, V> consumer;
  private final String name;
  private final Consumer<ConsumerRecord<String, V>> onRecord;
  private final boolean commitAfterBatch;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * Starts polling a consumer already subscribed or assigned.
   *
   * @param name the thread's name and the log events' prefix
   * @param commitAfterBatch commit (async) after each batch was handed over
   */
  public ConsumerLoop(
      String name,
      KafkaConsumer<String, V> consumer,
      boolean commitAfterBatch,
      Consumer<ConsumerRecord<String, V>> onRecord) {
    this.consumer = consumer;
    this.name = name;
    this.onRecord = onRecord;
    this.commitAfterBatch = commitAfterBatch;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        try {
          for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
            onRecord.accept(r);
          }
          if (commitAfterBatch) {
            consumer.commitAsync();
          }
        } catch (RecordDeserializationException e) {
          LOG.warn(
              "record_unreadable reader={} partition={} offset={} error={}",
              name,
              e.topicPartition(),
              e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.warn("reader_stopped reader={} error={}", name, e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
