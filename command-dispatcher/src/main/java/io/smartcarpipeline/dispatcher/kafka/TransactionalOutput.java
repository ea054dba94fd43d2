package io.smartcarpipeline.dispatcher.kafka;

import io.smartcarpipeline.dispatcher.idempotency.LedgerCodec;
import io.smartcarpipeline.dispatcher.idempotency.LedgerEntry;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.ConfluentAvroSerializer;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch of finished commands atomically: their results (key = vehicle id), their FINAL
 * ledger entries, dead letters, and the consumer offsets, in one Kafka transaction. Either all of
 * it becomes visible to read_committed readers or none of it, so an offset never moves without its
 * result and a result is never written twice by a crash between the two. Consumer-thread only.
 */
final class TransactionalOutput implements TransactionWriter {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionalOutput.class);
  private static final int RETRY_BACKOFF_MS = 5;

  /**
   * One finished record of the commands topic, from {@code commandPartition}: its FINAL ledger
   * entry goes to the matching ledger partition ({@link LedgerLayout}).
   */
  record Item(
      CommandResult result,
      LedgerEntry ledgerEntry,
      DeadLetter deadLetter,
      String key,
      int commandPartition) {}

  private final KafkaProducer<String, byte[]> producer;
  private final ConfluentAvroSerializer<CommandResult> resultSerializer =
      new ConfluentAvroSerializer<>();
  private final ConfluentAvroSerializer<DeadLetter> deadLetterSerializer =
      new ConfluentAvroSerializer<>();
  private final LedgerLayout ledger;

  TransactionalOutput(KafkaClientSettings kafka, String transactionalId, LedgerLayout ledger) {
    Map<String, Object> c = KafkaClients.producerConfig(kafka, transactionalId);
    c.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    c.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
    // A transaction begun right after the previous commit often finds the coordinator still
    // writing that commit's markers (CONCURRENT_TRANSACTIONS); the producer then sleeps
    // retry.backoff.ms (100 ms by default) before retrying. Retry soon instead.
    c.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, RETRY_BACKOFF_MS);
    c.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200);
    // A batch is sent whole within a few microseconds, then the producer blocks in
    // sendOffsetsToTransaction (a broker round trip): with linger.ms=5 the results would wait in
    // the accumulator through it and only go out once the commit flushes them, one more round
    // trip in series. With 0 they travel while the offsets are committed.
    c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    c.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    c.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    resultSerializer.configure(c, false);
    deadLetterSerializer.configure(c, false);
    this.producer = new KafkaProducer<>(c, new StringSerializer(), new ByteArraySerializer());
    this.ledger = ledger;
    producer.initTransactions();
  }

  /** Writes the items and commits the offsets, all or nothing. */
  @Override
  public void commit(
      List<Item> items,
      Map<TopicPartition, OffsetAndMetadata> offsets,
      ConsumerGroupMetadata group) {
    long t0 = System.nanoTime();
    producer.beginTransaction();
    try {
      for (Item item : items) {
        send(item);
      }
      long t1 = System.nanoTime();
      if (!offsets.isEmpty()) {
        producer.sendOffsetsToTransaction(offsets, group);
      }
      long t2 = System.nanoTime();
      producer.commitTransaction();
      long t3 = System.nanoTime();
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "transaction_committed items={} send_us={} offsets_us={} commit_us={}",
            items.size(),
            (t1 - t0) / 1000,
            (t2 - t1) / 1000,
            (t3 - t2) / 1000);
      }
    } catch (RuntimeException e) {
      try {
        producer.abortTransaction();
      } catch (RuntimeException ignored) {
        // fenced or closed: the exception below is the one that matters
      }
      throw e;
    }
  }

  private void send(Item item) {
    if (item.result() != null) {
      String topic = Topics.COMMAND_RESULTS.name();
      producer.send(
          new ProducerRecord<>(
              topic,
              item.result().getVehicleId(),
              resultSerializer.serialize(topic, item.result())));
    }
    if (item.ledgerEntry() != null) {
      producer.send(
          new ProducerRecord<>(
              ledger.topic(),
              ledger.ledgerPartition(item.commandPartition()),
              item.ledgerEntry().commandId(),
              LedgerCodec.encode(item.ledgerEntry()).getBytes(StandardCharsets.UTF_8)));
    }
    if (item.deadLetter() != null) {
      String topic = Topics.DEAD_LETTERS.name();
      producer.send(
          new ProducerRecord<>(
              topic, item.key(), deadLetterSerializer.serialize(topic, item.deadLetter())));
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
