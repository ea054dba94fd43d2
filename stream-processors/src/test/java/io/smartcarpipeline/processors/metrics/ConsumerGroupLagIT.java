package io.smartcarpipeline.processors.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.smartcarpipeline.support.metrics.ConsumerGroupLag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ConsumerGroupLag} (support) against the real embedded broker: the lag follows the group's
 * committed offsets and the topic's end, including while nobody consumes, and a watched topic's end
 * offset is exported. Here rather than in support because support cannot depend on local-stack.
 */
@ExtendWith(LocalStackExtension.class)
class ConsumerGroupLagIT {

  private static final String TOPIC = "lag-it-input";
  private static final String WATCHED = "lag-it-watched";
  private static final String GROUP = "lag-it-group";
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @Test
  void shouldExportTheRecordsBetweenCommittedOffsetsAndTheEnd(LocalStack stack) throws Exception {
    KafkaClientSettings kafka =
        KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Admin admin =
            Admin.create(KafkaClients.adminConfig(kafka, "lag-it", Duration.ofSeconds(10)));
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(
                KafkaClients.producerConfig(kafka, "lag-it"),
                new StringSerializer(),
                new StringSerializer())) {
      admin
          .createTopics(
              List.of(new NewTopic(TOPIC, 2, (short) 1), new NewTopic(WATCHED, 1, (short) 1)))
          .all()
          .get();
      // given: 10 records on partition 0, 4 on partition 1, 3 on the watched topic
      send(producer, TOPIC, 0, 10);
      send(producer, TOPIC, 1, 4);
      send(producer, WATCHED, 0, 3);
      commit(admin, Map.of(0, 4L, 1, 4L));

      try (ConsumerGroupLag lag =
          ConsumerGroupLag.start(
              Admin.create(KafkaClients.adminConfig(kafka, "lag-it-meter", Duration.ofSeconds(5))),
              GROUP,
              List.of(WATCHED),
              registry,
              Duration.ofMillis(200),
              Clock.fixed(NOW, ZoneOffset.UTC))) {
        // then: 6 behind on partition 0, none on partition 1
        await().atMost(Duration.ofSeconds(20)).until(() -> lag(registry) == 6);
        assertThat(registry.get("topic_end_offset_records").tag("topic", WATCHED).gauge().value())
            .isEqualTo(3);
        assertThat(
                registry
                    .get("consumer_group_lag_measured_timestamp_seconds")
                    .tag("group", GROUP)
                    .gauge()
                    .value())
            .isEqualTo(NOW.getEpochSecond());

        // when: more arrives and nobody consumes, the lag grows
        send(producer, TOPIC, 1, 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> lag(registry) == 11);

        // when: the group commits up to the end, it is zero
        commit(admin, Map.of(0, 10L, 1, 9L));
        await().atMost(Duration.ofSeconds(20)).until(() -> lag(registry) == 0);
      }
    }
  }

  private static double lag(SimpleMeterRegistry registry) {
    Gauge g =
        registry.find("consumer_group_lag_records").tag("group", GROUP).tag("topic", TOPIC).gauge();
    return g == null ? -1 : g.value();
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, int partition, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      producer.send(new ProducerRecord<>(topic, partition, "k", "v" + i)).get();
    }
  }

  private static void commit(Admin admin, Map<Integer, Long> offsets) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = new java.util.HashMap<>();
    offsets.forEach(
        (p, o) -> committed.put(new TopicPartition(TOPIC, p), new OffsetAndMetadata(o)));
    admin.alterConsumerGroupOffsets(GROUP, committed).all().get();
  }
}
