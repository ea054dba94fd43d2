package io.smartcarpipeline.processors.domain;

import java.time.Instant;

/**
 * The source-time order of two readings of one signal: by {@code oemUpdatedAt}, ties broken by
 * {@code retrievedAt}; a missing time sorts before any known one. Never arrival order
 * (docs/DESIGN.md, "Source time, not arrival time").
 *
 * @param oemUpdatedAt epoch millis recorded by the vehicle, or null
 * @param retrievedAt epoch millis fetched by Smartcar, or null
 */
public record SourceTime(Long oemUpdatedAt, Long retrievedAt) implements Comparable<SourceTime> {

  /** From the Avro instants, either of which may be null. */
  public static SourceTime of(Instant oemUpdatedAt, Instant retrievedAt) {
    return new SourceTime(millis(oemUpdatedAt), millis(retrievedAt));
  }

  /** Whether this reading is strictly newer than {@code other}. */
  public boolean isNewerThan(SourceTime other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(SourceTime o) {
    int c = compareNullable(oemUpdatedAt, o.oemUpdatedAt);
    return c != 0 ? c : compareNullable(retrievedAt, o.retrievedAt);
  }

  /** Epoch millis of an instant, or null. */
  public static Long millis(Instant i) {
    return i == null ? null : i.toEpochMilli();
  }

  private static int compareNullable(Long a, Long b) {
    if (a == null) {
      return b == null ? 0 : -1;
    }
    return b == null ? 1 : Long.compare(a, b);
  }
}
