package io.smartcarpipeline.dispatcher.kafka;

import io.smartcarpipeline.schemas.Topics;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the ledger at start: creates {@code <group>-ledger-v2} with as many partitions as the
 * commands topic has, and works out the {@link LedgerLayout} from what the cluster really holds
 * (partition counts, whether the old layout's {@code <group>-ledger} is still there).
 */
public final class LedgerTopics {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerTopics.class);

  static final int DESCRIBE_ATTEMPTS = 25;
  private static final long DESCRIBE_PAUSE_MS = 200;

  private LedgerTopics() {}

  /** Creates the ledger topic when missing and describes the layout. */
  public static LedgerLayout prepare(Admin admin, String groupId, int replication) {
    String topic = KafkaLedgerStore.topicName(groupId);
    String legacy = KafkaLedgerStore.legacyTopicName(groupId);
    int commands = partitions(admin, Topics.COMMANDS.name());
    Set<String> names = names(admin);
    int ledger;
    if (names.contains(topic)) {
      ledger = partitions(admin, topic);
    } else {
      KafkaLedgerStore.ensureTopic(admin, topic, commands, replication);
      ledger = partitions(admin, topic); // another instance may have created it first
    }
    boolean legacyExists = names.contains(legacy);
    LedgerLayout layout = new LedgerLayout(topic, ledger, commands, legacyExists ? legacy : null);
    if (!layout.coPartitioned()) {
      LOG.warn(
          "ledger_not_copartitioned ledger_topic={} ledger_partitions={} command_partitions={}"
              + " action=every_rebalance_reads_every_ledger_partition; give {} as many partitions"
              + " as {} (new entries then go to their command's partition)",
          topic,
          ledger,
          commands,
          topic,
          Topics.COMMANDS.name());
    }
    if (legacyExists) {
      LOG.info(
          "ledger_legacy_topic topic={} action=read_whole_once_then_its_tail; delete it 30 days"
              + " after every instance runs this version",
          legacy);
    }
    return layout;
  }

  /**
   * The topic's partition count. A topic created a moment ago may not be known to the broker that
   * answers yet (UnknownTopicOrPartition): asked again for up to {@link #DESCRIBE_ATTEMPTS} times.
   */
  private static int partitions(Admin admin, String topic) {
    for (int attempt = 1; ; attempt++) {
      try {
        return describe(admin, topic);
      } catch (IllegalStateException e) {
        if (!(e.getCause() != null
                && e.getCause().getCause() instanceof UnknownTopicOrPartitionException)
            || attempt >= DESCRIBE_ATTEMPTS) {
          throw e;
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(DESCRIBE_PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing the ledger topic", e);
    }
  }

  private static int describe(Admin admin, String topic) {
    try {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .size();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot describe topic " + topic + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing " + topic, e);
    }
  }

  private static Set<String> names(Admin admin) {
    try {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot list topics: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing topics", e);
    }
  }
}
