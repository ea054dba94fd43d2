package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.dispatcher.config.DispatcherConfig;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.TopicSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three services read the topic settings the same way, so a topic comes out the same whichever
 * service creates it (before, TOPIC_PARTITIONS reached two of the three).
 */
class OneWayToCreateTopicsTest {

  @Test
  void everyServiceReadsTopicPartitionsAndReplicationTheSameWay() {
    Settings s =
        Settings.of(
            Map.of(
                "TOPIC_PARTITIONS", "4",
                "TOPIC_REPLICATION_FACTOR", "3",
                "SMARTCAR_MANAGEMENT_TOKEN", "token",
                "SMARTCAR_CLIENT_ID", "id",
                "SMARTCAR_CLIENT_SECRET", "secret"));
    TopicSettings expected = new TopicSettings(3, 4);

    assertThat(GatewayConfig.from(s).topics()).isEqualTo(expected);
    assertThat(ProcessorsConfig.from(s).topics()).isEqualTo(expected);
    assertThat(DispatcherConfig.from(s).topics()).isEqualTo(expected);
  }
}
