package io.smartcarpipeline.dispatcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.dispatcher.idempotency.IdempotencyLedger;
import io.smartcarpipeline.dispatcher.idempotency.LedgerCodec;
import io.smartcarpipeline.dispatcher.idempotency.LedgerEntry;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a rebalance costs: 100,000 ledger entries in 6 partitions on the real broker, each in its
 * command's partition. Before: every assignment read the whole topic (measured here as a read of
 * all partitions from the beginning). After: an instance assigned 2 of the 6 command partitions
 * reads those 2 ledger partitions, and a later assignment reads only what it has not read yet. The
 * counts prove which entries were read; the times ({@code ledger_reload_measured}) go to the
 * README. Also: the old layout's ledger is read whole, then only its tail.
 */
@ExtendWith(LocalStackExtension.class)
class LedgerReloadIT {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerReloadIT.class);
  private static final int ENTRIES = 100_000;
  private static final int PARTITIONS = 6;
  private static final String FINGERPRINT = "v2:" + "a".repeat(64);

  @Test
  void readsOnlyTheAssignedPartitionsAndOnlyWhatItHasNotReadYet(LocalStack stack) {
    String topic = "ledger-reload-" + System.nanoTime();
    create(stack, topic, PARTITIONS);
    AtomicIntegerArray acked = write(stack, topic, ENTRIES, true);
    KafkaClientSettings kafka = settings(stack);
    LedgerLayout layout = new LedgerLayout(topic, PARTITIONS, PARTITIONS, null);

    // before: the whole topic on every assignment
    IdempotencyLedger everything = new IdempotencyLedger((e, p) -> null);
    long start = System.nanoTime();
    int all;
    try (LedgerLoader full = new LedgerLoader(kafka, layout, everything)) {
      all = full.read(IntStream.range(0, PARTITIONS).mapToObj(p -> tp(topic, p)).toList());
    }
    long fullMs = millisSince(start);

    // after: 2 of 6 command partitions assigned, then a third
    IdempotencyLedger ledger = new IdempotencyLedger((e, p) -> null);
    try (LedgerLoader loader = new LedgerLoader(kafka, layout, ledger)) {
      start = System.nanoTime();
      int two = loader.onAssigned(List.of(commands(0), commands(1)));
      long twoMs = millisSince(start);
      start = System.nanoTime();
      int third = loader.onAssigned(List.of(commands(0), commands(1), commands(2)));
      long thirdMs = millisSince(start);

      String line =
          "ledger_reload_measured entries="
              + all
              + " full_ms="
              + fullMs
              + " assigned_2_of_6_entries="
              + two
              + " ms="
              + twoMs
              + " then_3_of_6_entries="
              + third
              + " ms="
              + thirdMs;
      LOG.info(line);
      System.out.println(line);
      assertThat(all).isEqualTo(sum(acked, 0, 1, 2, 3, 4, 5));
      assertThat(everything.size()).isEqualTo(all);
      assertThat(two).isEqualTo(sum(acked, 0, 1));
      assertThat(third).as("only partition 2 is new").isEqualTo(sum(acked, 2));
      assertThat(ledger.size()).isEqualTo(sum(acked, 0, 1, 2));
      assertThat(sum(acked, 0, 1, 2, 3, 4, 5)).isGreaterThan(ENTRIES * 99 / 100);

      // an entry written since is read on the next assignment, nothing else again
      write(stack, topic, 1, true);
      assertThat(loader.onAssigned(List.of(commands(0)))).isEqualTo(1);
    }
  }

  @Test
  void readsTheOldLayoutsLedgerWholeThenOnlyItsTail(LocalStack stack) {
    String topic = "ledger-v2-" + System.nanoTime();
    String legacy = "ledger-legacy-" + System.nanoTime();
    create(stack, topic, PARTITIONS);
    create(stack, legacy, 3);
    AtomicIntegerArray old = write(stack, legacy, 300, false); // partitioned by commandId
    IdempotencyLedger ledger = new IdempotencyLedger((e, p) -> null);
    LedgerLayout layout = new LedgerLayout(topic, PARTITIONS, PARTITIONS, legacy);

    try (LedgerLoader loader = new LedgerLoader(settings(stack), layout, ledger)) {
      // every acknowledged entry, from all 3 partitions, though only command partition 4 is
      // assigned
      int acked = sum(old, 0, 1, 2);
      assertThat(acked).isGreaterThan(250);
      assertThat(IntStream.range(0, 3).filter(p -> old.get(p) > 0).count()).isEqualTo(3);
      assertThat(loader.onAssigned(List.of(commands(4)))).isEqualTo(acked);
      assertThat(ledger.size()).isEqualTo(acked);
      assertThat(loader.onAssigned(List.of(commands(5)))).isZero();
    }
  }

  private static AtomicIntegerArray write(
      LocalStack stack, String topic, int entries, boolean byCommandPartition) {
    AtomicIntegerArray acked = new AtomicIntegerArray(PARTITIONS);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                50,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262_144),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < entries; i++) {
        String id = "cmd-" + System.nanoTime() + "-" + i;
        String value =
            LedgerCodec.encode(
                LedgerEntry.started(id, FINGERPRINT, 1, Instant.parse("2026-01-01T00:00:00Z")));
        producer.send(
            new ProducerRecord<>(topic, byCommandPartition ? i % PARTITIONS : null, id, value),
            (metadata, error) -> {
              if (error == null) {
                acked.incrementAndGet(metadata.partition());
              }
            });
      }
      producer.flush();
    }
    return acked;
  }

  private static void create(LocalStack stack, String topic, int partitions) {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      KafkaLedgerStore.ensureTopic(admin, topic, partitions, 1);
    }
  }

  private static KafkaClientSettings settings(LocalStack stack) {
    return KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl());
  }

  private static TopicPartition commands(int partition) {
    return tp(Topics.COMMANDS.name(), partition);
  }

  private static TopicPartition tp(String topic, int partition) {
    return new TopicPartition(topic, partition);
  }

  private static int sum(AtomicIntegerArray acked, int... partitions) {
    int s = 0;
    for (int p : partitions) {
      s += acked.get(p);
    }
    return s;
  }

  private static long millisSince(long start) {
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }
}
