package io.smartcarpipeline.dispatcher.kafka;

import io.smartcarpipeline.dispatcher.compatibility.KnownUnsupported;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows fleet-sync's compacted {@code smartcar.connections.v1} from its beginning on its own
 * thread and hands every record to {@link KnownUnsupported}: all partitions assigned, no consumer
 * group, nothing committed (the topic is the state). The topic may not exist (no fleet-sync runs):
 * the follower then looks again every {@link #RETRY} without ever creating it, and the dispatcher
 * starts and is ready meanwhile, refusing nothing. A record that cannot be read forgets its
 * vehicle.
 */
public final class ConnectionsFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionsFollower.class);

  /** How often a missing topic is looked for again. */
  static final Duration RETRY = Duration.ofSeconds(2);

  private static final String TOPIC = Topics.CONNECTIONS.name();

  private final KafkaConsumer<String, byte[]> consumer;
  private final ConfluentAvroDeserializer<VehicleConnection> deserializer;
  private final KnownUnsupported view;
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean running = true;

  /** Creates the consumer (no network call here) and starts following on its own thread. */
  public ConnectionsFollower(KafkaClientSettings kafka, String clientId, KnownUnsupported view) {
    Map<String, Object> c = new HashMap<>(KafkaClients.consumerConfig(kafka, clientId));
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    c.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    // looking for a topic that fleet-sync has not created must not create it (uncompacted)
    c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    this.deserializer = new ConfluentAvroDeserializer<>(VehicleConnection.class);
    deserializer.configure(kafka.registry(), false);
    this.view = view;
    this.thread = new Thread(this::run, "dispatcher-connections");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      assignWhenPresent();
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          take(r);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("connections_follower_stopped topic={} error={}", TOPIC, e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
      deserializer.close();
    }
  }

  private void assignWhenPresent() throws InterruptedException {
    boolean told = false;
    while (running) {
      List<TopicPartition> tps =
          consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(TOPIC, p.partition()))
              .toList();
      if (!tps.isEmpty()) {
        consumer.assign(tps);
        consumer.seekToBeginning(tps);
        LOG.info("connections_followed topic={} partitions={}", TOPIC, tps.size());
        return;
      }
      if (!told) {
        LOG.info(
            "connections_topic_missing topic={} retry={} note=no command is refused as"
                + " unsupported until fleet-sync writes it",
            TOPIC,
            RETRY);
        told = true;
      }
      if (closing.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
        return; // close() ended the wait
      }
    }
  }

  private void take(ConsumerRecord<String, byte[]> r) {
    if (r.key() == null) {
      return;
    }
    try {
      view.accept(r.key(), deserializer.deserialize(r.topic(), r.value()));
    } catch (RuntimeException e) {
      view.forget(r.key());
      LOG.warn(
          "connection_unreadable vehicle_id={} partition={} offset={} error={}",
          r.key(),
          r.partition(),
          r.offset(),
          e.getMessage());
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    closing.countDown();
    consumer.wakeup();
    thread.join(10_000);
  }
}
