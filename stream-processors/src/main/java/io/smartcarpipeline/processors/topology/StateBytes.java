package io.smartcarpipeline.processors.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The primitives of the binary store formats ({@link ChargingTrackerSerde}, {@link
 * SocSeriesSerde}): big-endian fixed-width numbers, a presence byte before every nullable value,
 * strings as length-prefixed UTF-8. A {@link Writer} grows as needed; a {@link Reader} walks one
 * stored value and fails with a {@link SerializationException} when it runs out of bytes.
 */
final class StateBytes {

  private StateBytes() {}

  /**
   * A store serde over a binary {@code write} / {@code read} pair that still reads values the
   * former JSON format stored (they start with <code>'{'</code>), so an older changelog restores.
   */
  static <T> Serde<T> serde(Class<T> type, Function<T, byte[]> write, Function<byte[], T> read) {
    Deserializer<T> json = JsonSerde.of(type).deserializer();
    Serializer<T> ser = (topic, value) -> value == null ? null : write.apply(value);
    Deserializer<T> de =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          return bytes.length > 0 && bytes[0] == '{'
              ? json.deserialize(topic, bytes)
              : read.apply(bytes);
        };
    return Serdes.serdeFrom(ser, de);
  }

  /** Appends values to a growable array. */
  static final class Writer {
    private byte[] buf;
    private int size;

    Writer(int capacity) {
      buf = new byte[capacity];
    }

    Writer u8(int v) {
      ensure(1);
      buf[size++] = (byte) v;
      return this;
    }

    Writer bool(boolean v) {
      return u8(v ? 1 : 0);
    }

    Writer i32(int v) {
      ensure(4);
      for (int shift = 24; shift >= 0; shift -= 8) {
        buf[size++] = (byte) (v >>> shift);
      }
      return this;
    }

    Writer i64(long v) {
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buf[size++] = (byte) (v >>> shift);
      }
      return this;
    }

    Writer f64(double v) {
      return i64(Double.doubleToRawLongBits(v));
    }

    /** Whether {@code v} is present; the caller writes it only if so. */
    boolean present(Object v) {
      bool(v != null);
      return v != null;
    }

    Writer optBool(Boolean v) {
      return present(v) ? bool(v) : this;
    }

    Writer optI64(Long v) {
      return present(v) ? i64(v) : this;
    }

    Writer optF64(Double v) {
      return present(v) ? f64(v) : this;
    }

    Writer optStr(String v) {
      if (present(v)) {
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        i32(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, size, utf8.length);
        size += utf8.length;
      }
      return this;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }
  }

  /** Reads values in the order they were written. */
  static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf, int pos) {
      this.buf = buf;
      this.pos = pos;
    }

    int u8() {
      need(1);
      return buf[pos++] & 0xFF;
    }

    boolean bool() {
      return u8() != 0;
    }

    int i32() {
      need(4);
      int v = 0;
      for (int i = 0; i < 4; i++) {
        v = (v << 8) | (buf[pos++] & 0xFF);
      }
      return v;
    }

    long i64() {
      need(8);
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (buf[pos++] & 0xFF);
      }
      return v;
    }

    double f64() {
      return Double.longBitsToDouble(i64());
    }

    Boolean optBool() {
      return bool() ? bool() : null;
    }

    Long optI64() {
      return bool() ? i64() : null;
    }

    Double optF64() {
      return bool() ? f64() : null;
    }

    String optStr() {
      if (!bool()) {
        return null;
      }
      int len = i32();
      need(len);
      String s = new String(buf, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }

    /** Reads the version byte; fails on any other than {@code expected}. */
    void version(int expected, String what) {
      int v = u8();
      if (v != expected) {
        throw new SerializationException(
            "stored " + what + " has format version " + v + ", this build reads " + expected);
      }
    }

    /** Fails unless every byte was read (a value of another format or a truncated one). */
    void end() {
      if (pos != buf.length) {
        throw new SerializationException(
            "stored value has " + (buf.length - pos) + " unread bytes: not this format");
      }
    }

    private void need(int n) {
      if (n < 0 || pos + n > buf.length) {
        throw new SerializationException(
            "stored value is truncated: needs "
                + n
                + " more bytes at "
                + pos
                + " of "
                + buf.length);
      }
    }
  }
}
