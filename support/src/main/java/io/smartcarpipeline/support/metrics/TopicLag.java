package io.smartcarpipeline.support.metrics;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's lag, per topic: the records between the group's committed offset and the end
 * of the partition (the last stable offset, so open transactions and their markers do not count),
 * summed over the partitions the group has committed on. Plain arithmetic, no Kafka calls.
 */
public final class TopicLag {

  private TopicLag() {}

  /**
   * Records behind, per topic. A partition without a known end offset is left out; an end below the
   * committed offset (the log was truncated or the end is stale) counts as zero, never negative.
   */
  public static Map<String, Long> perTopic(
      Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
    Map<String, Long> lag = new TreeMap<>();
    committed.forEach(
        (partition, offset) -> {
          Long end = ends.get(partition);
          if (end != null) {
            lag.merge(partition.topic(), Math.max(0, end - offset), Long::sum);
          }
        });
    return lag;
  }
}
