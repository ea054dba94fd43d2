package io.smartcarpipeline.processors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.processors.testdata.InMemorySchemaRegistry;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

  private static final Instant NOW = Instant.parse("2025-11-18T08:00:00Z");

  @Test
  void shouldResumeAndDeadLetterUnreadableRecordWithReasonAndOriginalBytes() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:8081");
    config.put(DeadLetterHandler.REGISTRY_CLIENT_CONFIG, registry);
    config.put(Clock.class.getName(), Clock.fixed(NOW, ZoneOffset.UTC));
    DeadLetterHandler handler = new DeadLetterHandler();
    handler.configure(config);
    byte[] key = "vehicle-1".getBytes(StandardCharsets.UTF_8);
    byte[] value = {1, 2, 3};
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(Topics.VEHICLE_EVENTS.name(), 3, 42L, key, value);

    DeserializationExceptionHandler.Response response =
        handler.handleError(null, record, new SerializationException("Unknown magic byte 0x01"));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> out = response.deadLetterQueueRecords().get(0);
    assertThat(out.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
    assertThat(out.key()).isEqualTo(key);
    DeadLetter letter =
        new ConfluentAvroDeserializer<>(DeadLetter.class, registry, config)
            .deserialize(Topics.DEAD_LETTERS.name(), out.value());
    assertThat(letter.getReason()).isEqualTo(DeadLetterHandler.REASON);
    assertThat(letter.getMessage()).contains("Unknown magic byte");
    assertThat(letter.getTopic()).isEqualTo(Topics.VEHICLE_EVENTS.name());
    assertThat(letter.getPartition()).isEqualTo(3);
    assertThat(letter.getOffset()).isEqualTo(42L);
    assertThat(letter.getValue().array()).isEqualTo(value);
    assertThat(letter.getOccurredAt()).isEqualTo(NOW);
  }
}
