package io.smartcarpipeline.dispatcher.kafka;

import io.smartcarpipeline.dispatcher.idempotency.IdempotencyLedger;
import io.smartcarpipeline.dispatcher.idempotency.LedgerCodec;
import io.smartcarpipeline.support.kafka.ClientKind;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads ledger partitions into the {@link IdempotencyLedger}, each from where this loader last
 * stopped reading it: the first assignment of a partition reads it from the beginning, a later one
 * only what was written since (entries are facts that only accumulate: a marker, then a FINAL,
 * which the ledger never lets a marker replace; so what is in memory stays true and only misses
 * what came later). read_committed, so aborted FINALs are skipped. Called on the consumer thread,
 * inside the rebalance callback, which is why it reads only what the assignment needs. Also reads
 * the old layout's ledger whole (once, then its tail): see the README's migration note.
 */
public final class LedgerLoader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerLoader.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, String> consumer;
  private final IdempotencyLedger ledger;
  private final LedgerLayout layout;
  private final Map<TopicPartition, Long> positions = new HashMap<>();

  public LedgerLoader(KafkaClientSettings kafka, LedgerLayout layout, IdempotencyLedger ledger) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    this.consumer =
        new KafkaConsumer<>(
            kafka.config(ClientKind.CONSUMER, c),
            new StringDeserializer(),
            new StringDeserializer());
    this.ledger = ledger;
    this.layout = layout;
  }

  /**
   * Reads what {@code assigned} command partitions need: their ledger partitions (all of them when
   * the layout is not co-partitioned) and the old layout's ledger, if any. Returns entries read.
   */
  public int onAssigned(Collection<TopicPartition> assigned) {
    List<TopicPartition> tps = new ArrayList<>();
    for (int p : layout.toLoad(assigned.stream().map(TopicPartition::partition).toList())) {
      tps.add(new TopicPartition(layout.topic(), p));
    }
    if (layout.legacyTopic() != null) {
      consumer.partitionsFor(layout.legacyTopic(), TIMEOUT).stream()
          .map(p -> new TopicPartition(layout.legacyTopic(), p.partition()))
          .forEach(tps::add);
    }
    return read(tps);
  }

  /** Reads {@code tps} from where this loader stopped to their current end. */
  public int read(Collection<TopicPartition> tps) {
    if (tps.isEmpty()) {
      return 0;
    }
    long start = System.nanoTime();
    consumer.assign(tps);
    for (TopicPartition tp : tps) {
      Long from = positions.get(tp);
      if (from == null) {
        consumer.seekToBeginning(List.of(tp));
      } else {
        consumer.seek(tp, from);
      }
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(tps, TIMEOUT);
    int read = 0;
    while (tps.stream().anyMatch(tp -> consumer.position(tp, TIMEOUT) < end.get(tp))) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.value() != null) {
          read += restore(r);
        }
      }
    }
    for (TopicPartition tp : tps) {
      positions.put(tp, consumer.position(tp, TIMEOUT));
    }
    consumer.assign(List.of());
    LOG.info(
        "ledger_loaded partitions={} entries={} ms={}",
        tps,
        read,
        (System.nanoTime() - start) / 1_000_000);
    return read;
  }

  private int restore(ConsumerRecord<String, String> r) {
    try {
      ledger.restore(LedgerCodec.decode(r.value()));
      return 1;
    } catch (RuntimeException e) {
      LOG.warn(
          "ledger_entry_unreadable topic={} partition={} offset={} error={}",
          r.topic(),
          r.partition(),
          r.offset(),
          e.getMessage());
      return 0;
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(10));
  }
}
