package io.smartcarpipeline.localstack.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleInfo;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.serde.ConfluentAvroSerializer;
import io.smartcarpipeline.serde.RestSchemaRegistryClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our serde through the real broker and the real registry: what goes in comes out, the bytes on the
 * topic carry the id the registry gave the subject {@code <topic>-value}, and the failure cases are
 * {@link SerializationException}s.
 */
@ExtendWith(LocalStackExtension.class)
class AvroSerdeIT {

  @Test
  void recordProducedThroughTheRegistryIsReadBackEqual(LocalStack stack) throws Exception {
    // given a fresh topic and a producer with our serializer, auto-registering
    String topic = newTopic(stack);
    VehicleEvent event = event("veh-1");

    // when
    try (KafkaProducer<String, VehicleEvent> producer = producer(stack, Map.of())) {
      producer.send(new ProducerRecord<>(topic, "veh-1", event)).get();
    }

    // then the typed consumer reads the same record
    List<ConsumerRecord<String, VehicleEvent>> typed =
        poll(stack, topic, new ConfluentAvroDeserializer<>(VehicleEvent.class));
    assertThat(typed).hasSize(1);
    assertThat(typed.get(0).value()).isEqualTo(event);

    // and the raw bytes are 0x00 + the id the registry has under <topic>-value
    byte[] raw = poll(stack, topic, new ByteArrayDeserializer()).get(0).value();
    RestSchemaRegistryClient registry = client(stack);
    int id = registry.latest(topic + "-value").id();
    assertThat(raw[0]).isZero();
    assertThat(ByteBuffer.wrap(raw, 1, 4).getInt()).isEqualTo(id);
    assertThat(registry.byId(id)).isEqualTo(SpecificData.get().getSchema(VehicleEvent.class));
  }

  @Test
  void withoutAutoRegisterAnUnregisteredSchemaIsAClearError(LocalStack stack) throws Exception {
    String topic = newTopic(stack);

    try (KafkaProducer<String, VehicleEvent> producer =
        producer(stack, Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false))) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "v", event("v"))).get())
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("40401");
    }
  }

  @Test
  void useLatestVersionWritesWithTheRegisteredId(LocalStack stack) throws Exception {
    String topic = newTopic(stack);
    int registered =
        client(stack).register(topic + "-value", SpecificData.get().getSchema(VehicleEvent.class));

    try (KafkaProducer<String, VehicleEvent> producer =
        producer(
            stack,
            Map.of(
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true))) {
      producer.send(new ProducerRecord<>(topic, "veh-2", event("veh-2"))).get();
    }

    byte[] raw = poll(stack, topic, new ByteArrayDeserializer()).get(0).value();
    assertThat(ByteBuffer.wrap(raw, 1, 4).getInt()).isEqualTo(registered);
  }

  @Test
  void unknownSchemaIdFromTheRegistryIsAClearError(LocalStack stack) {
    ConfluentAvroDeserializer<VehicleEvent> deserializer =
        new ConfluentAvroDeserializer<>(VehicleEvent.class);
    deserializer.configure(
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);

    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0x7f, 0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("40403");
  }

  private static VehicleEvent event(String vehicleId) {
    return VehicleEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setEventType(EventType.VEHICLE_STATE)
        .setVehicleId(vehicleId)
        .setUserId("user-1")
        .setVehicle(
            VehicleInfo.newBuilder().setMake("TESLA").setModel("Model 3").setYear(2020).build())
        .setReceivedAt(Instant.ofEpochMilli(1_765_157_664_581L))
        .setSignature(SignatureCheck.CURRENT_KEY)
        .setRawBody("{\"eventType\":\"VEHICLE_STATE\"}")
        .build();
  }

  private static String newTopic(LocalStack stack) throws Exception {
    String topic = "serde-it-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    return topic;
  }

  private static RestSchemaRegistryClient client(LocalStack stack) {
    return new RestSchemaRegistryClient(
        AvroSerdeConfig.from(
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl())));
  }

  private static KafkaProducer<String, VehicleEvent> producer(
      LocalStack stack, Map<String, Object> serdeConfig) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class);
    p.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    p.putAll(serdeConfig);
    return new KafkaProducer<>(p);
  }

  private static <V> List<ConsumerRecord<String, V>> poll(
      LocalStack stack,
      String topic,
      org.apache.kafka.common.serialization.Deserializer<V> values) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "serde-it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    List<ConsumerRecord<String, V>> out = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (out.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
