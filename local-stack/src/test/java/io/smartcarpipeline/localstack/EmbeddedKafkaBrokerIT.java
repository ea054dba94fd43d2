package io.smartcarpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.builder().port(0).build();
    broker.start();
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  @Test
  void producedRecordIsConsumed() throws Exception {
    // given
    createTopic(broker, "plain");

    // when
    try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
      producer.send(new ProducerRecord<>("plain", "vehicle-1", "hello")).get();
    }

    // then
    assertThat(readAll(broker, "plain", 1)).containsExactly("vehicle-1=hello");
  }

  @Test
  void transactionalProducerCommitIsVisibleToReadCommittedConsumers() {
    // given
    createTopic(broker, "transactional");
    Map<String, Object> transactional =
        Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-broker-it");

    // when
    try (KafkaProducer<String, String> producer = producer(broker, transactional)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("transactional", "vehicle-1", "committed"));
      producer.commitTransaction();
    }

    // then
    assertThat(readAll(broker, "transactional", 1)).containsExactly("vehicle-1=committed");
  }

  @Test
  void consumeTransformProduceTransactionCommitsOutputAndOffsetsTogether() throws Exception {
    // given: the read-process-write loop that Kafka Streams exactly_once_v2 runs
    createTopic(broker, "eos-in");
    createTopic(broker, "eos-out");
    try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
      producer.send(new ProducerRecord<>("eos-in", "vehicle-1", "plugged")).get();
    }
    Map<String, Object> consumerConfig =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "eos-app",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");

    // when
    try (KafkaConsumer<String, String> consumer =
            new KafkaConsumer<>(
                consumerConfig, new StringDeserializer(), new StringDeserializer());
        KafkaProducer<String, String> producer =
            producer(broker, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "eos-app-0"))) {
      producer.initTransactions();
      consumer.subscribe(List.of("eos-in"));
      List<ConsumerRecord<String, String>> input = new ArrayList<>();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(input::add);
                return !input.isEmpty();
              });
      producer.beginTransaction();
      for (ConsumerRecord<String, String> record : input) {
        producer.send(new ProducerRecord<>("eos-out", record.key(), record.value().toUpperCase()));
      }
      producer.sendOffsetsToTransaction(
          Map.of(
              new TopicPartition("eos-in", 0),
              new OffsetAndMetadata(input.get(input.size() - 1).offset() + 1)),
          consumer.groupMetadata());
      producer.commitTransaction();
    }

    // then
    assertThat(readAll(broker, "eos-out", 1)).containsExactly("vehicle-1=PLUGGED");
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      assertThat(
              admin
                  .listConsumerGroupOffsets("eos-app")
                  .partitionsToOffsetAndMetadata()
                  .get()
                  .get(new TopicPartition("eos-in", 0))
                  .offset())
          .isEqualTo(1);
    }
  }

  @Test
  void restartOnTheSamePortKeepsTopicsAndRecords(@TempDir Path dataDir) throws Exception {
    // given
    try (EmbeddedKafkaBroker restartable =
        EmbeddedKafkaBroker.builder().port(0).dataDir(dataDir).build()) {
      restartable.start();
      String bootstrapBefore = restartable.bootstrapServers();
      createTopic(restartable, "durable");
      try (KafkaProducer<String, String> producer = producer(restartable, Map.of())) {
        producer.send(new ProducerRecord<>("durable", "vehicle-1", "kept")).get();
      }

      // when
      restartable.stop();
      restartable.start();

      // then
      assertThat(restartable.bootstrapServers()).isEqualTo(bootstrapBefore);
      assertThat(readAll(restartable, "durable", 1)).containsExactly("vehicle-1=kept");
    }
  }

  private static void createTopic(EmbeddedKafkaBroker target, String topic) {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()))) {
      admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KafkaProducer<String, String> producer(
      EmbeddedKafkaBroker target, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static List<String> readAll(EmbeddedKafkaBroker target, String topic, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            target.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "reader-" + topic + "-" + System.nanoTime(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  seen.add(record.key() + "=" + record.value());
                }
                return seen.size() >= expected;
              });
    }
    return seen;
  }
}
