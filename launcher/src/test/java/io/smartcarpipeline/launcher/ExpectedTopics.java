package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.dispatcher.config.DispatcherConfig;
import io.smartcarpipeline.dispatcher.kafka.KafkaLedgerStore;
import io.smartcarpipeline.launcher.DeployFiles.TopicDeclaration;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The topics production needs, by name, as partitions and configs: every topic of the {@link
 * Topics} registry, and the dispatcher's ledger topic ({@code <DISPATCHER_GROUP_ID>-ledger}, as
 * many partitions as the commands topic, the configs it is created with).
 */
final class ExpectedTopics {

  /** Set on every topic in production, on top of the registry's configs. */
  static final String MIN_ISR = "min.insync.replicas";

  private ExpectedTopics() {}

  record Shape(int partitions, Map<String, String> config) {}

  static Map<String, Shape> fromCode() {
    Map<String, Shape> expected = new TreeMap<>();
    for (TopicSpec<?> t : Topics.all()) {
      expected.put(t.name(), new Shape(t.partitions(), t.config()));
    }
    String ledger =
        KafkaLedgerStore.topicName(DispatcherConfig.DEFAULTS.get(DispatcherConfig.GROUP_ID));
    expected.put(ledger, new Shape(Topics.COMMANDS.partitions(), ledgerConfig()));
    return expected;
  }

  /** Declarations by name, without {@value #MIN_ISR}; fails on a topic declared twice. */
  static Map<String, Shape> declared(List<TopicDeclaration> declarations) {
    Map<String, Shape> out = new TreeMap<>();
    for (TopicDeclaration t : declarations) {
      Map<String, String> config = new TreeMap<>(t.config());
      config.remove(MIN_ISR);
      Shape previous = out.put(t.name(), new Shape(t.partitions(), Map.copyOf(config)));
      assertThat(previous).as("declared twice: " + t.name()).isNull();
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> ledgerConfig() {
    try {
      var field = KafkaLedgerStore.class.getDeclaredField("TOPIC_CONFIG");
      field.setAccessible(true);
      return Map.copyOf((Map<String, String>) field.get(null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("KafkaLedgerStore.TOPIC_CONFIG moved: update this test", e);
    }
  }
}
