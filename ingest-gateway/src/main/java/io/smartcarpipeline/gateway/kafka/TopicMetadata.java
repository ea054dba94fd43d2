package io.smartcarpipeline.gateway.kafka;

import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A producer's topic metadata when {@code max.block.ms} is 0: {@code partitionsFor} answers from
 * the cache or fails at once, having asked the producer's I/O thread to fetch it. Rule: only
 * start-up waits (polling, bounded); a touch while serving never blocks.
 */
final class TopicMetadata {

  private static final Logger LOG = LoggerFactory.getLogger(TopicMetadata.class);
  private static final long POLL_MILLIS = 20;

  private TopicMetadata() {}

  /**
   * Blocking, for start-up: waits until the producer has {@code topic}'s metadata.
   *
   * @throws TimeoutException if it has not within {@code timeout}
   */
  static void await(Producer<?, ?> producer, String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        producer.partitionsFor(topic);
        return;
      } catch (TimeoutException notYet) {
        if (System.nanoTime() - deadline > 0) {
          throw new TimeoutException(
              "no metadata for topic " + topic + " within " + timeout, notYet);
        }
      }
      pause();
    }
  }

  /**
   * Marks {@code topic} as in use (so it is not evicted) and fetches it if missing; never waits.
   */
  static void touch(Producer<?, ?> producer, String topic) {
    try {
      producer.partitionsFor(topic);
    } catch (KafkaException e) {
      LOG.debug("producer_metadata_missing topic={} error={}", topic, e.toString());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading topic metadata", e);
    }
  }
}
