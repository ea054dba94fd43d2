package io.smartcarpipeline.dispatcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.dispatcher.idempotency.IdempotencyLedger;
import io.smartcarpipeline.dispatcher.idempotency.LedgerCodec;
import io.smartcarpipeline.dispatcher.idempotency.LedgerEntry;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one rebalance costs today: every assignment reloads the whole ledger topic (the loop's
 * {@code onPartitionsAssigned}). 100,000 entries on the real broker; the test checks every
 * acknowledged entry is read back and logs the time ({@code ledger_reload_measured}) for the
 * README.
 */
@ExtendWith(LocalStackExtension.class)
class LedgerReloadIT {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerReloadIT.class);
  private static final int ENTRIES = 100_000;

  @Test
  void reloadsAHundredThousandEntries(LocalStack stack) {
    String topic = "ledger-reload-" + System.nanoTime();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      KafkaLedgerStore.ensureTopic(admin, topic, 6, 1);
    }
    String fingerprint = "v2:" + "a".repeat(64);
    AtomicInteger acknowledged = new AtomicInteger();
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
      for (int i = 0; i < ENTRIES; i++) {
        String id = "cmd-" + i;
        producer.send(
            new ProducerRecord<>(
                topic,
                id,
                LedgerCodec.encode(
                    LedgerEntry.started(
                        id, fingerprint, 1, Instant.parse("2026-01-01T00:00:00Z")))),
            (metadata, error) -> {
              if (error == null) {
                acknowledged.incrementAndGet();
              }
            });
      }
      producer.flush();
    }
    IdempotencyLedger ledger = new IdempotencyLedger(e -> null);

    long start = System.nanoTime();
    int read =
        KafkaLedgerStore.load(
            KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl()),
            topic,
            ledger);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    LOG.info("ledger_reload_measured entries={} ms={}", read, took.toMillis());
    System.out.println("ledger_reload_measured entries=" + read + " ms=" + took.toMillis());
    assertThat(acknowledged.get()).isGreaterThan(ENTRIES * 99 / 100);
    assertThat(read).isEqualTo(acknowledged.get());
    assertThat(ledger.size()).isEqualTo(acknowledged.get());
  }
}
