package io.smartcarpipeline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void topicNamesAreTheContractOfDesignMd() {
    assertThat(Topics.all())
        .extracting(TopicSpec::name)
        .containsExactly(
            "smartcar.vehicle-events.v1",
            "smartcar.signals.v1",
            "smartcar.vehicle-state.v1",
            "smartcar.charging-sessions.v1",
            "smartcar.commands.v1",
            "smartcar.command-results.v1",
            "smartcar.connections.v1",
            "smartcar.subscription-wishes.v1",
            "smartcar.dead-letters.v1");
  }

  @Test
  void everyTopicHasOneValueTypeAndTheStateTopicIsCompacted() {
    Set<Class<?>> types = new HashSet<>();
    Topics.all().forEach(t -> assertThat(types.add(t.valueType())).isTrue());
    assertThat(Topics.VEHICLE_STATE.compacted()).isTrue();
    assertThat(Topics.CONNECTIONS.compacted()).isTrue();
    assertThat(Topics.SUBSCRIPTION_WISHES.compacted()).isTrue();
    assertThat(Topics.VEHICLE_EVENTS.compacted()).isFalse();
    assertThat(Topics.VEHICLE_EVENTS.valueSubject()).isEqualTo("smartcar.vehicle-events.v1-value");
  }

  @Test
  void registryIsImmutable() {
    assertThatThrownBy(() -> Topics.all().add(Topics.SIGNALS))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Topics.SIGNALS.config().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void topicSpecRejectsZeroPartitions() {
    assertThatThrownBy(
            () ->
                new TopicSpec<>(
                    "t",
                    String.class,
                    io.smartcarpipeline.events.DeadLetter.class,
                    TopicSpec.Writer.ANY_SERVICE,
                    0,
                    Map.of()))
        .hasMessageContaining("partitions");
  }

  @Test
  void lookupByName() {
    assertThat(Topics.byName("smartcar.signals.v1")).contains(Topics.SIGNALS);
    assertThat(Topics.byName("nope")).isEmpty();
  }
}
