package io.smartcarpipeline.dispatcher.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed when commands of one partition finish out of order (different
 * vehicles run concurrently): a partition's committable offset is its lowest unfinished offset, or
 * one past the highest polled when none is unfinished. So an offset never moves past a command
 * whose result is not written yet. Used from the consumer thread only.
 */
final class OffsetTracker {

  private static final class Partition {
    final TreeSet<Long> open = new TreeSet<>();
    long next = -1;
    long committed = -1;
  }

  private final Map<TopicPartition, Partition> partitions = new HashMap<>();

  /** A record was polled and handed on. */
  void polled(TopicPartition tp, long offset) {
    Partition p = partitions.computeIfAbsent(tp, k -> new Partition());
    p.open.add(offset);
    p.next = Math.max(p.next, offset + 1);
  }

  /** The record's outcome is in the transaction being built. */
  void finished(TopicPartition tp, long offset) {
    Partition p = partitions.get(tp);
    if (p != null) {
      p.open.remove(offset);
    }
  }

  /** Whether the partition is still tracked (assigned to us). */
  boolean tracks(TopicPartition tp) {
    return partitions.containsKey(tp);
  }

  /** Offsets to commit now: only partitions whose committable offset moved. */
  Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    partitions.forEach(
        (tp, p) -> {
          long offset = p.open.isEmpty() ? p.next : p.open.first();
          if (offset > p.committed) {
            out.put(tp, new OffsetAndMetadata(offset));
          }
        });
    return out;
  }

  /** The offsets were committed. */
  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(
        (tp, om) -> {
          Partition p = partitions.get(tp);
          if (p != null) {
            p.committed = Math.max(p.committed, om.offset());
          }
        });
  }

  /** Forgets partitions that were revoked or lost. */
  void forget(Collection<TopicPartition> tps) {
    tps.forEach(partitions::remove);
  }

  /** Unfinished commands over all partitions. */
  int open() {
    return partitions.values().stream().mapToInt(p -> p.open.size()).sum();
  }
}
