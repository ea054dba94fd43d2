package io.smartcarpipeline.fleetsync.kafka;

import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * One topic's idempotent {@code acks=all} producer that never holds fleet-sync's event loop: {@code
 * max.block.ms} is 0, so a send whose topic metadata is missing (topic not created yet, broker
 * unreachable) or that finds the buffer full fails at once instead of waiting Kafka's default 60 s
 * on the loop that also answers {@code /health/live}. Metadata is fetched in the background by
 * {@link #ready()}; {@code metadata.max.idle.ms} defaults to a day (a {@code
 * KAFKA_PRODUCER_METADATA_MAX_IDLE_MS} setting wins) so a topic written rarely is not forgotten
 * between two sends. Futures complete on the given context.
 */
public final class NonBlockingProducer<V extends SpecificRecord> implements AutoCloseable {

  private final KafkaProducer<String, V> producer;
  private final String topic;
  private final Context context;

  public NonBlockingProducer(
      KafkaClientSettings kafka, String clientId, String topic, Context context) {
    this.producer = new KafkaProducer<>(config(kafka, clientId));
    this.topic = topic;
    this.context = context;
  }

  /** The shared producer settings with the bounds above. */
  static Map<String, Object> config(KafkaClientSettings kafka, String clientId) {
    Map<String, Object> c = KafkaClients.producerConfig(kafka, clientId);
    c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0L); // the event loop never waits in send()
    c.putIfAbsent(ProducerConfig.METADATA_MAX_IDLE_CONFIG, Duration.ofDays(1).toMillis());
    return c;
  }

  /**
   * Whether the topic's metadata is known, so a send can be accepted now; when it is not, asks the
   * producer's I/O thread to fetch it. Never waits.
   */
  public boolean ready() {
    try {
      producer.partitionsFor(topic);
      return true;
    } catch (KafkaException e) {
      return false;
    }
  }

  /** Blocking, for start-up only: waits until {@link #ready()} or the timeout; whether ready. */
  public boolean awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * Sends without blocking; completes on the context once the broker acknowledged, fails (at once
   * when the topic's metadata or buffer space is missing) otherwise.
   */
  public Future<Void> send(String key, V value) {
    Promise<Void> acked = Promise.promise();
    try {
      producer.send(
          new ProducerRecord<>(topic, key, value),
          (metadata, error) ->
              context.runOnContext(
                  v -> {
                    if (error == null) {
                      acked.tryComplete();
                    } else {
                      acked.tryFail(error);
                    }
                  }));
    } catch (KafkaException | IllegalStateException e) {
      return Future.failedFuture(e); // closed producer, unserializable value
    }
    return acked.future();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
