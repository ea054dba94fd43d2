package io.smartcarpipeline.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: byte 0 (magic), the schema id as a 4-byte big-endian int, then the
 * Avro binary encoding of the value.
 */
public final class WireFormat {

  /** The only magic byte Confluent defines. */
  public static final byte MAGIC_BYTE = 0x0;

  /** Magic byte plus schema id. */
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** Writes the 5-byte header into {@code buffer}. */
  public static void writeHeader(ByteBuffer buffer, int schemaId) {
    buffer.put(MAGIC_BYTE).putInt(schemaId);
  }

  /**
   * Reads the schema id of a framed value.
   *
   * @throws SerializationException if the bytes are not in the Confluent wire format
   */
  public static int schemaId(String topic, byte[] data) {
    if (data.length < HEADER_SIZE) {
      throw new SerializationException(
          "Record on "
              + topic
              + " is "
              + data.length
              + " bytes, shorter than the 5-byte Confluent header: not written by an Avro serializer");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException(
          String.format(
              "Unknown magic byte 0x%02x on %s: expected 0x00 (Confluent wire format); the record"
                  + " was not written by a Schema Registry serializer",
              data[0], topic));
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }
}
