package io.smartcarpipeline.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TopicLagTest {

  private static TopicPartition p(String topic, int partition) {
    return new TopicPartition(topic, partition);
  }

  @Test
  void shouldSumTheRecordsBehindOverEachTopicsPartitions() {
    Map<String, Long> lag =
        TopicLag.perTopic(
            Map.of(p("a", 0), 10L, p("a", 1), 5L, p("b", 0), 7L),
            Map.of(p("a", 0), 15L, p("a", 1), 9L, p("b", 0), 7L));

    assertThat(lag).containsExactlyInAnyOrderEntriesOf(Map.of("a", 9L, "b", 0L));
  }

  @Test
  void shouldNeverReportNegativeLagWhenTheEndIsBelowTheCommittedOffset() {
    assertThat(TopicLag.perTopic(Map.of(p("a", 0), 20L), Map.of(p("a", 0), 12L)))
        .containsExactlyEntriesOf(Map.of("a", 0L));
  }

  @Test
  void shouldLeaveOutPartitionsWithoutAKnownEnd() {
    assertThat(TopicLag.perTopic(Map.of(p("a", 0), 1L, p("b", 0), 1L), Map.of(p("a", 0), 4L)))
        .containsExactlyEntriesOf(Map.of("a", 3L));
  }
}
