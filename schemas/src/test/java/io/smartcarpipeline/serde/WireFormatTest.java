package io.smartcarpipeline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.events.SignalError;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Our bytes are exactly Confluent's wire format: 0x00, 4-byte big-endian id, Avro binary. */
class WireFormatTest {

  private static final Map<String, Object> CONFIG =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:8081");

  /** A registry that answers every registration with id 42. */
  private static final class FixedIdRegistry implements SchemaRegistryClient {
    @Override
    public int register(String subject, Schema schema) {
      return 42;
    }

    @Override
    public int lookup(String subject, Schema schema) {
      return 42;
    }

    @Override
    public RegisteredSchema latest(String subject) {
      return new RegisteredSchema(subject, 1, 42, SignalError.getClassSchema());
    }

    @Override
    public Schema byId(int id) {
      if (id != 42) {
        throw new SerializationException("Schema id " + id + " not found");
      }
      return SignalError.getClassSchema();
    }
  }

  @Test
  void serializedBytesAreMagicByteThenBigEndianIdThenAvroBinary() {
    // given a record whose Avro binary encoding we can write by hand
    SignalError record = SignalError.newBuilder().setType("PERMISSION").setCode(null).build();
    ConfluentAvroSerializer<SignalError> serializer =
        new ConfluentAvroSerializer<>(new FixedIdRegistry(), CONFIG);

    // when
    byte[] bytes = serializer.serialize("any-topic", record);

    // then: 0x00 | 00 00 00 2A | zigzag(10)=0x14 "PERMISSION" | union branch 0 (null) = 0x00
    byte[] expected = new byte[5 + 1 + 10 + 1];
    expected[0] = 0x00;
    expected[1] = 0x00;
    expected[2] = 0x00;
    expected[3] = 0x00;
    expected[4] = 0x2A;
    expected[5] = 0x14;
    System.arraycopy("PERMISSION".getBytes(StandardCharsets.US_ASCII), 0, expected, 6, 10);
    expected[16] = 0x00;
    assertThat(bytes).containsExactly(expected);
  }

  @Test
  void deserializerReadsWhatTheSerializerWrote() {
    FixedIdRegistry registry = new FixedIdRegistry();
    SignalError record =
        SignalError.newBuilder().setType("COMPATIBILITY").setCode("VEHICLE_NOT_CAPABLE").build();
    byte[] bytes =
        new ConfluentAvroSerializer<SignalError>(registry, CONFIG).serialize("t", record);

    SignalError read =
        new ConfluentAvroDeserializer<>(SignalError.class, registry, CONFIG)
            .deserialize("t", bytes);

    assertThat(read).isEqualTo(record);
  }

  @Test
  void unknownMagicByteIsAClearError() {
    ConfluentAvroDeserializer<SignalError> deserializer =
        new ConfluentAvroDeserializer<>(SignalError.class, new FixedIdRegistry(), CONFIG);

    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {1, 0, 0, 0, 42, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown magic byte 0x01");
    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("shorter than the 5-byte");
  }

  @Test
  void unknownSchemaIdIsAClearError() {
    ConfluentAvroDeserializer<SignalError> deserializer =
        new ConfluentAvroDeserializer<>(SignalError.class, new FixedIdRegistry(), CONFIG);

    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, 7, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Schema id 7");
  }

  @Test
  void nullStaysNullInBothDirections() {
    FixedIdRegistry registry = new FixedIdRegistry();
    assertThat(new ConfluentAvroSerializer<SignalError>(registry, CONFIG).serialize("t", null))
        .isNull();
    assertThat(
            new ConfluentAvroDeserializer<>(SignalError.class, registry, CONFIG)
                .deserialize("t", null))
        .isNull();
  }
}
