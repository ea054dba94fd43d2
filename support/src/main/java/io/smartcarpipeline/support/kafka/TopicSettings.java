package io.smartcarpipeline.support.kafka;

import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;

/**
 * How every service creates topics: {@code TOPIC_REPLICATION_FACTOR} (default 1, for the embedded
 * broker; 3 in production) and {@code TOPIC_PARTITIONS} (when set, every topic's partition count
 * instead of the {@code Topics} registry's). Every service reads both the same way and creates a
 * missing topic from the same registry entry, so a topic comes out the same whichever service
 * starts first.
 *
 * @param partitionsOverride above 0: the partition count of every created topic
 */
public record TopicSettings(int replicationFactor, int partitionsOverride) {

  public TopicSettings {
    if (replicationFactor < 1) {
      throw new ConfigException(CommonSettings.TOPIC_REPLICATION_FACTOR, "must be at least 1");
    }
    if (partitionsOverride < 0) {
      throw new ConfigException(CommonSettings.TOPIC_PARTITIONS, "must be at least 1");
    }
  }

  public static TopicSettings from(Settings given) {
    Settings s = Settings.of(CommonSettings.DEFAULTS).with(given.asMap());
    int partitions =
        s.find(CommonSettings.TOPIC_PARTITIONS).isPresent()
            ? s.intValue(CommonSettings.TOPIC_PARTITIONS)
            : 0;
    if (s.find(CommonSettings.TOPIC_PARTITIONS).isPresent() && partitions < 1) {
      throw new ConfigException(CommonSettings.TOPIC_PARTITIONS, "must be at least 1");
    }
    return new TopicSettings(s.intValue(CommonSettings.TOPIC_REPLICATION_FACTOR), partitions);
  }

  /** The partition count for a topic whose registry count is {@code registryPartitions}. */
  public int partitions(int registryPartitions) {
    return partitionsOverride > 0 ? partitionsOverride : registryPartitions;
  }
}
