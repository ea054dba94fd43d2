package io.smartcarpipeline.fleetsync.kafka;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.fleetsync.sync.ConnectionBook;
import io.smartcarpipeline.fleetsync.sync.VirtualKeyEvidence;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.Context;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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

  private final ConnectionBook book;
  private final ConsumerLoop<SpecificRecord> loop;

  public EvidenceReader(
      KafkaClientSettings kafka, String groupId, Context context, ConnectionBook book) {
    KafkaConsumer<String, SpecificRecord> consumer =
        new KafkaConsumer<>(KafkaClients.consumerConfig(kafka, groupId));
    this.book = book;
    consumer.subscribe(List.of(Topics.COMMAND_RESULTS.name(), Topics.VEHICLE_EVENTS.name()));
    this.loop =
        new ConsumerLoop<>(
            "fleet-sync-evidence",
            consumer,
            true,
            r -> {
              if (r.key() != null && r.value() != null) {
                context.runOnContext(v -> apply(r.key(), r.value()));
              }
            });
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
    loop.close();
  }
}
