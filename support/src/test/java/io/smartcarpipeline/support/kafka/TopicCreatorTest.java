package io.smartcarpipeline.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.schemas.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.MockAdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

/**
 * Topic creation against {@link MockAdminClient}, which replays what a real broker answers right
 * after {@code CreateTopics}: the topic exists on the controller but "unknown topic" on describe
 * for a few fetches. (The real broker is exercised by every integration test that starts a
 * service.)
 */
class TopicCreatorTest {

  @Test
  void waitsThroughUnknownTopicAnswersRightAfterCreation() {
    try (LaggingAdmin admin = new LaggingAdmin(3)) {
      TopicCreator.ensureTopics(admin, List.of(Topics.VEHICLE_EVENTS), 1, 2, Duration.ofSeconds(5));

      assertThat(admin.listTopics().names())
          .succeedsWithin(Duration.ofSeconds(1))
          .asString()
          .contains(Topics.VEHICLE_EVENTS.name());
      assertThat(admin.createCalls).isEqualTo(1);
    }
  }

  @Test
  void leavesExistingTopicsAlone() {
    try (LaggingAdmin admin = new LaggingAdmin(0)) {
      TopicCreator.ensureTopics(admin, List.of(Topics.SIGNALS), 1, Duration.ofSeconds(5));
      TopicCreator.ensureTopics(admin, List.of(Topics.SIGNALS), 1, Duration.ofSeconds(5));

      assertThat(admin.createCalls).isEqualTo(1);
    }
  }

  @Test
  void failsWithAClearMessageWhenTheTopicNeverBecomesVisible() {
    try (LaggingAdmin admin = new LaggingAdmin(Integer.MAX_VALUE)) {
      assertThatThrownBy(
              () ->
                  TopicCreator.ensureTopics(
                      admin, List.of(Topics.DEAD_LETTERS), 1, Duration.ofMillis(300)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(Topics.DEAD_LETTERS.name())
          .hasMessageContaining("no leader");
    }
  }

  /** A mock admin whose new topics stay invisible to describe for a number of fetches. */
  private static final class LaggingAdmin extends MockAdminClient {
    private final int invisibleFetches;
    int createCalls;

    LaggingAdmin(int invisibleFetches) {
      super(List.of(new Node(0, "localhost", 9092)), new Node(0, "localhost", 9092));
      this.invisibleFetches = invisibleFetches;
    }

    @Override
    public synchronized CreateTopicsResult createTopics(
        Collection<NewTopic> newTopics, CreateTopicsOptions options) {
      createCalls++;
      CreateTopicsResult result = super.createTopics(newTopics, options);
      newTopics.forEach(t -> setFetchesRemainingUntilVisible(t.name(), invisibleFetches));
      return result;
    }
  }
}
