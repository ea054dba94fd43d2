package io.smartcarpipeline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.EventSource;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The {@code source} field of {@link VehicleEvent} is a backward- and forward-compatible evolution:
 * a reader with the schema as released before the field (frozen in {@code
 * schema-history/VehicleEvent-1-before-source.avsc}) reads records written with the new schema, and
 * the new reader reads old records as {@link EventSource#WEBHOOK}.
 */
class VehicleEventSourceEvolutionTest {

  private static final Schema CURRENT = VehicleEvent.getClassSchema();

  @Test
  void newReaderReadsAnOldRecordAsWebhook() throws IOException {
    // given a record written with the schema that has no source field
    Schema old = oldSchema();
    GenericRecord oldRecord = asOld(event(EventSource.API_READ), old);
    byte[] oldBytes = write(new GenericDatumWriter<>(old), oldRecord);

    // when the current reader reads it
    VehicleEvent read = read(new SpecificDatumReader<>(old, CURRENT), oldBytes);

    // then the missing field takes its default and nothing else is lost
    assertThat(read.getSource()).isEqualTo(EventSource.WEBHOOK);
    assertThat(read.getEventId()).isEqualTo("evt-1");
    assertThat(read.getVehicleId()).isEqualTo("veh-1");
    assertThat(read.getRawBody()).isEqualTo("{\"data\":[]}");
  }

  @Test
  void oldReaderReadsANewApiReadRecord() throws IOException {
    // given a record written with the current schema, marked as an API read
    byte[] newBytes =
        write(new SpecificDatumWriter<>(VehicleEvent.class), event(EventSource.API_READ));

    // when a reader that still has the old schema reads it
    GenericRecord read = read(new GenericDatumReader<>(CURRENT, oldSchema()), newBytes);

    // then it sees every field it knows and simply not the new one
    assertThat(read.getSchema().getField("source")).isNull();
    assertThat(read.get("eventId")).hasToString("evt-1");
    assertThat(read.get("vehicleId")).hasToString("veh-1");
    assertThat(read.get("signature")).hasToString("NOT_CHECKED");
  }

  @Test
  void sourceDefaultsToWebhookWhenABuilderDoesNotSetIt() {
    VehicleEvent event = VehicleEvent.newBuilder(event(EventSource.API_READ)).clearSource().build();

    assertThat(event.getSource()).isEqualTo(EventSource.WEBHOOK);
  }

  private static VehicleEvent event(EventSource source) {
    return VehicleEvent.newBuilder()
        .setEventId("evt-1")
        .setEventType(EventType.VEHICLE_STATE)
        .setVehicleId("veh-1")
        .setVehicle(new VehicleInfo("TESLA", "Model 3", 2024))
        .setReceivedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .setSignature(SignatureCheck.NOT_CHECKED)
        .setRawBody("{\"data\":[]}")
        .setSource(source)
        .build();
  }

  /** The event projected onto the old schema, the way an old writer would have built it. */
  private static GenericRecord asOld(VehicleEvent event, Schema old) throws IOException {
    byte[] bytes = write(new SpecificDatumWriter<>(VehicleEvent.class), event);
    return read(new GenericDatumReader<>(CURRENT, old, GenericData.get()), bytes);
  }

  static Schema oldSchema() throws IOException {
    String file = "/schema-history/VehicleEvent-1-before-source.avsc";
    try (InputStream in = VehicleEventSourceEvolutionTest.class.getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      Schema schema = new Schema.Parser().parse(in);
      assertThat(schema.getField("source")).as("the old schema has no source field").isNull();
      return schema;
    }
  }

  private static <T> byte[] write(DatumWriter<T> writer, T datum) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    writer.write(datum, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static <T> T read(DatumReader<T> reader, byte[] bytes) throws IOException {
    return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
  }
}
