package io.smartcarpipeline.localstack;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration of the embedded single-node KRaft broker: combined broker and controller, every
 * internal topic at replication factor 1 so transactions and consumer groups work on one node, and
 * no automatic topic creation (services declare their topics). A plain broker has one PLAINTEXT
 * client listener; a secured one a SASL_SSL client listener and a PLAINTEXT one on 127.0.0.1 for
 * its own and the embedded registry's traffic.
 */
final class BrokerProperties {

  static final int NODE_ID = 1;
  static final String CLIENT_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  static final String SECURED_CLIENT_LISTENER = "CLIENT";
  static final String INTERNAL_LISTENER = "INTERNAL";

  private BrokerProperties() {}

  /**
   * Builds the broker properties of a plain broker: one PLAINTEXT client listener, which is also
   * the inter-broker listener.
   *
   * @param clientPort the port clients connect to
   * @param controllerPort the port of the KRaft controller listener
   * @param logDir the single log directory, which also holds the metadata log
   * @param overrides extra broker properties, applied last
   */
  static Properties of(
      int clientPort, int controllerPort, Path logDir, Map<String, String> overrides) {
    Properties props = new Properties();
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
    props.put("inter.broker.listener.name", CLIENT_LISTENER);
    props.put(
        "listener.security.protocol.map",
        CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    return finish(props, controllerPort, logDir, overrides);
  }

  /**
   * Builds the broker properties of a secured broker: the client listener speaks SASL_SSL with
   * SCRAM-SHA-512 on {@code localhost}; the broker's own traffic and the embedded registry's use a
   * PLAINTEXT listener bound to {@code 127.0.0.1} only.
   *
   * @param clientPort the SASL_SSL port clients connect to
   * @param internalPort the PLAINTEXT inter-broker port on 127.0.0.1
   * @param controllerPort the port of the KRaft controller listener
   * @param logDir the single log directory, which also holds the metadata log
   * @param security the key store of the TLS side
   * @param overrides extra broker properties, applied last
   */
  static Properties secured(
      int clientPort,
      int internalPort,
      int controllerPort,
      Path logDir,
      BrokerSecurity security,
      Map<String, String> overrides) {
    Properties props = new Properties();
    props.put(
        "listeners",
        SECURED_CLIENT_LISTENER
            + "://localhost:"
            + clientPort
            + ","
            + INTERNAL_LISTENER
            + "://127.0.0.1:"
            + internalPort
            + ","
            + CONTROLLER_LISTENER
            + "://localhost:"
            + controllerPort);
    props.put(
        "advertised.listeners",
        SECURED_CLIENT_LISTENER
            + "://localhost:"
            + clientPort
            + ","
            + INTERNAL_LISTENER
            + "://127.0.0.1:"
            + internalPort);
    props.put("inter.broker.listener.name", INTERNAL_LISTENER);
    props.put(
        "listener.security.protocol.map",
        SECURED_CLIENT_LISTENER
            + ":SASL_SSL,"
            + INTERNAL_LISTENER
            + ":PLAINTEXT,"
            + CONTROLLER_LISTENER
            + ":PLAINTEXT");
    String prefix = "listener.name." + SECURED_CLIENT_LISTENER.toLowerCase(Locale.ROOT) + ".";
    String mechanism = BrokerSecurity.SASL_MECHANISM;
    props.put("sasl.enabled.mechanisms", mechanism);
    props.put(prefix + "sasl.enabled.mechanisms", mechanism);
    props.put(
        prefix + mechanism.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    props.put(prefix + "ssl.keystore.location", security.keystore().location().toString());
    props.put(prefix + "ssl.keystore.password", security.keystore().password());
    props.put(prefix + "ssl.keystore.type", security.keystore().type());
    props.put(prefix + "ssl.key.password", security.keystore().password());
    props.put(prefix + "ssl.client.auth", "none");
    return finish(props, controllerPort, logDir, overrides);
  }

  private static Properties finish(
      Properties props, int controllerPort, Path logDir, Map<String, String> overrides) {
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
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
