package io.smartcarpipeline.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A growable, unsynchronised byte buffer with a buffered Avro encoder writing into it, reused for
 * every record one thread serialises. A serializer instance may be called by several stream and
 * producer threads at once, so each thread gets its own ({@link #forThisThread()}); one call uses
 * it from {@link #reset()} to {@link #toByteArray()} and nothing re-enters in between. A buffer
 * that grew past {@link #KEEP_BYTES} for one large record is dropped rather than kept per thread.
 */
final class EncodeBuffer extends OutputStream {

  /** Buffers up to this size are kept for the next record of the thread. */
  static final int KEEP_BYTES = 1 << 20;

  private static final ThreadLocal<EncodeBuffer> PER_THREAD =
      ThreadLocal.withInitial(EncodeBuffer::new);

  private byte[] bytes = new byte[1024];
  private int size;
  private final BinaryEncoder encoder;

  private EncodeBuffer() {
    encoder = EncoderFactory.get().binaryEncoder(this, null);
  }

  /** This thread's buffer, empty. */
  static EncodeBuffer forThisThread() {
    EncodeBuffer buffer = PER_THREAD.get();
    if (buffer.bytes.length > KEEP_BYTES) {
      buffer = new EncodeBuffer();
      PER_THREAD.set(buffer);
    }
    buffer.reset();
    return buffer;
  }

  /**
   * Forgets this thread's buffer after a failed record: its encoder may still hold part of that
   * record, which must not be flushed into the next one.
   */
  static void discardThisThread() {
    PER_THREAD.remove();
  }

  /** The Avro encoder writing into this buffer; flush it before {@link #toByteArray()}. */
  BinaryEncoder encoder() {
    return encoder;
  }

  void reset() {
    size = 0;
  }

  /** Writes the 5-byte Confluent header. */
  void writeHeader(int schemaId) {
    ensure(WireFormat.HEADER_SIZE);
    bytes[size++] = WireFormat.MAGIC_BYTE;
    bytes[size++] = (byte) (schemaId >>> 24);
    bytes[size++] = (byte) (schemaId >>> 16);
    bytes[size++] = (byte) (schemaId >>> 8);
    bytes[size++] = (byte) schemaId;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  @Override
  public void flush() throws IOException {
    // nothing buffered here: the encoder flushes into write(...)
  }

  /** A copy of what was written since {@link #reset()}. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
