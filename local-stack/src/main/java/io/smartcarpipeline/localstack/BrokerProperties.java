package io.smartcarpipeline.localstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration of the embedded single-node KRaft broker: combined broker and controller, every
 * internal topic at replication factor 1 so transactions and consumer groups work on one node, and
 * no automatic topic creation (services declare their topics).
 */
final class BrokerProperties {

  static final int NODE_ID = 1;
  static final String CLIENT_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  private BrokerProperties() {}

  /**
   * Builds the broker properties.
   *
   * @param clientPort the port clients connect to
   * @param controllerPort the port of the KRaft controller listener
   * @param logDir the single log directory, which also holds the metadata log
   * @param overrides extra broker properties, applied last
   */
  static Properties of(
      int clientPort, int controllerPort, Path logDir, Map<String, String> overrides) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    props.put(
        "listeners",
        CLIENT_LISTENER
            + "://localhost:"
            + clientPort
            + ","
            + CONTROLLER_LISTENER
            + "://localhost:"
            + controllerPort);
    props.put("advertised.listeners", CLIENT_LISTENER + "://localhost:" + clientPort);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", CLIENT_LISTENER);
    props.put(
        "listener.security.protocol.map",
        CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    singleNodeDefaults(props);
    props.putAll(overrides);
    return props;
  }

  private static void singleNodeDefaults(Properties props) {
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    props.put("log.retention.hours", "168");
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "4");
    props.put("background.threads", "4");
  }
}
