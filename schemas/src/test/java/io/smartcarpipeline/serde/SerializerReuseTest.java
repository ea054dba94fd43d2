package io.smartcarpipeline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.events.ErrorState;
import io.smartcarpipeline.events.SignalRef;
import io.smartcarpipeline.events.VehicleError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The serializer reuses a buffer and encoder per thread: its bytes must stay exactly those of a
 * fresh unbuffered encoder (the former path), whatever the record size, across threads sharing one
 * instance, and after a record that failed half-way.
 */
class SerializerReuseTest {

  private static final Map<String, Object> CONFIG =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:8081");
  private static final int ID = 0x01020304;

  private final ConfluentAvroSerializer<VehicleError> serializer =
      new ConfluentAvroSerializer<>(new OneSchemaRegistry(), CONFIG);

  @Test
  void bytesAreThoseOfAFreshUnbufferedEncoderForSmallAndLargeRecords() throws IOException {
    // sizes around the encoder's 2 KiB buffer and the 1 KiB starting buffer, and far beyond
    for (int size : new int[] {0, 1, 1000, 1019, 1024, 2040, 2048, 2049, 5000, 70_000, 10}) {
      VehicleError record = error(size, size);
      assertThat(serializer.serialize("t", record)).containsExactly(formerPath(record));
    }
  }

  @Test
  void oneInstanceSharedByThreadsWritesEachRecordExactly() throws Exception {
    // given 4 threads serialising different records through one instance at once
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int seed = thread;
        Callable<Integer> task =
            () -> {
              int checked = 0;
              for (int i = 0; i < 2_000; i++) {
                VehicleError record = error((i * 37 + seed * 11) % 3_000, seed * 100_000 + i);
                // then each result is exactly that record's encoding
                assertThat(serializer.serialize("t", record)).containsExactly(formerPath(record));
                checked++;
              }
              return checked;
            };
        results.add(pool.submit(task));
      }
      for (Future<Integer> r : results) {
        assertThat(r.get()).isEqualTo(2_000);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void recordFailingHalfWayLeavesNothingBehindForTheNext() throws IOException {
    // given a record whose encoding fails after its first fields (state is required)
    VehicleError broken =
        new VehicleError(
            "x".repeat(100), "half-written", null, null, null, null, null, List.of(), null);
    assertThatThrownBy(() -> serializer.serialize("t", broken))
        .isInstanceOf(SerializationException.class);

    // when the same thread writes the next record
    VehicleError next = error(50, 7);

    // then none of the failed record's bytes are in it
    assertThat(serializer.serialize("t", next)).containsExactly(formerPath(next));
  }

  @Test
  void deserializerReadsBackRecordsOfEverySize() {
    ConfluentAvroDeserializer<VehicleError> deserializer =
        new ConfluentAvroDeserializer<>(VehicleError.class, new OneSchemaRegistry(), CONFIG);
    for (int size : new int[] {0, 3000, 12, 70_000, 5}) {
      VehicleError record = error(size, size);
      assertThat(deserializer.deserialize("t", serializer.serialize("t", record)))
          .isEqualTo(record);
    }
  }

  /** What the serializer wrote before the buffer reuse: new stream, unbuffered encoder. */
  private static byte[] formerPath(VehicleError record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
    WireFormat.writeHeader(header, ID);
    out.write(header.array());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    new SpecificDatumWriter<VehicleError>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static VehicleError error(int descriptionChars, int n) {
    List<SignalRef> signals = new ArrayList<>();
    for (int i = 0; i < n % 5; i++) {
      signals.add(new SignalRef("code-" + i + "-" + n, null, "group-" + i));
    }
    return new VehicleError(
        "VEHICLE_STATE",
        "ASLEEP-" + n,
        n % 2 == 0 ? ErrorState.ERROR : ErrorState.RESOLVED,
        "d".repeat(descriptionChars) + "é" + n,
        null,
        "https://example.invalid/" + n,
        null,
        signals,
        Instant.ofEpochMilli(1_700_000_000_000L + n));
  }

  /** Every registration answers {@link #ID}; the id resolves to VehicleError's schema. */
  private static final class OneSchemaRegistry implements SchemaRegistryClient {
    @Override
    public int register(String subject, Schema schema) {
      return ID;
    }

    @Override
    public int lookup(String subject, Schema schema) {
      return ID;
    }

    @Override
    public RegisteredSchema latest(String subject) {
      return new RegisteredSchema(subject, 1, ID, VehicleError.getClassSchema());
    }

    @Override
    public Schema byId(int id) {
      return VehicleError.getClassSchema();
    }
  }
}
