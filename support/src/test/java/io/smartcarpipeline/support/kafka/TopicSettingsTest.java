package io.smartcarpipeline.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSettingsTest {

  @Test
  void topicPartitionsReplacesEveryRegistryCountWhenSet() {
    TopicSettings set =
        TopicSettings.from(
            Settings.of(Map.of("TOPIC_PARTITIONS", "4", "TOPIC_REPLICATION_FACTOR", "3")));

    assertThat(set.partitions(6)).isEqualTo(4);
    assertThat(set.partitions(1)).isEqualTo(4);
    assertThat(set.replicationFactor()).isEqualTo(3);
  }

  @Test
  void withoutTopicPartitionsTheRegistryCountStandsAndReplicationIsOne() {
    TopicSettings defaults = TopicSettings.from(Settings.of(Map.of()));

    assertThat(defaults.partitions(6)).isEqualTo(6);
    assertThat(defaults.replicationFactor()).isEqualTo(1);
  }

  @Test
  void aCountBelowOneStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> TopicSettings.from(Settings.of(Map.of("TOPIC_PARTITIONS", "0"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TOPIC_PARTITIONS");
    assertThatThrownBy(
            () -> TopicSettings.from(Settings.of(Map.of("TOPIC_REPLICATION_FACTOR", "0"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TOPIC_REPLICATION_FACTOR");
  }
}
