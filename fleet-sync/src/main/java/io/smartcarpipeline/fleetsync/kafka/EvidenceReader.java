package io.smartcarpipeline.fleetsync.kafka;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.fleetsync.sync.ConnectionBook;
import io.smartcarpipeline.fleetsync.sync.VirtualKeyEvidence;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code smartcar.command-results.v1} and {@code smartcar.vehicle-events.v1} (consumer group
 * {@code FLEET_SYNC_GROUP_ID}) on its own thread for virtual-key evidence ({@link
 * VirtualKeyEvidence}), and applies it to the connection records on fleet-sync's context. Offsets
 * are committed after each batch is handed over: a crash in between loses at most that batch's
 * evidence, which the next such result or webhook brings again.
 */
public final class EvidenceReader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceReader.class);

  private final KafkaConsumer<String, SpecificRecord> consumer;
  private final Context context;
  private final ConnectionBook book;
  private final Thread thread;
  private volatile boolean running = true;

  public EvidenceReader(
      KafkaClientSettings kafka, String groupId, Context context, ConnectionBook book) {
    this.consumer = new KafkaConsumer<>(KafkaClients.consumerConfig(kafka, groupId));
    this.context = context;
    this.book = book;
    consumer.subscribe(List.of(Topics.COMMAND_RESULTS.name(), Topics.VEHICLE_EVENTS.name()));
    this.thread = new Thread(this::run, "fleet-sync-evidence");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        try {
          for (ConsumerRecord<String, SpecificRecord> r : consumer.poll(Duration.ofMillis(500))) {
            if (r.key() != null && r.value() != null) {
              SpecificRecord value = r.value();
              context.runOnContext(v -> apply(r.key(), value));
            }
          }
          consumer.commitAsync();
        } catch (RecordDeserializationException e) {
          LOG.warn(
              "evidence_unreadable partition={} offset={} error={}",
              e.topicPartition(),
              e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.warn("evidence_reader_stopped error={}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(String vehicleId, SpecificRecord value) {
    book.get(vehicleId)
        .flatMap(
            c ->
                value instanceof CommandResult r
                    ? VirtualKeyEvidence.apply(c, r)
                    : value instanceof VehicleEvent e
                        ? VirtualKeyEvidence.apply(c, e)
                        : java.util.Optional.empty())
        .ifPresent(
            c -> {
              LOG.info(
                  "virtual_key_known vehicle={} status={} evidence={}",
                  vehicleId,
                  c.getVirtualKey(),
                  c.getVirtualKeyEvidence());
              book.put(c);
            });
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
