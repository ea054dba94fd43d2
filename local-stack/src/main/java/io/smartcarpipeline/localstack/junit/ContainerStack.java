package io.smartcarpipeline.localstack.junit;

import io.smartcarpipeline.localstack.LocalStack;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The container backend: Apache Kafka (KRaft, one node) and Confluent Schema Registry in Docker,
 * the images and tags of {@code deploy/compose.yaml}, so the serde and the services meet
 * Confluent's own registry. Needs {@code org.testcontainers:testcontainers-kafka} on the test
 * classpath (an optional dependency of local-stack) and a Docker engine.
 */
public final class ContainerStack {

  /** The Kafka image, as in {@code deploy/compose.yaml}. */
  public static final String KAFKA_IMAGE = "apache/kafka:4.3.1";

  /** The schema registry image, as in {@code deploy/compose.yaml}. */
  public static final String SCHEMA_REGISTRY_IMAGE = "confluentinc/cp-schema-registry:8.0.0";

  /** The broker's listener for the registry, inside the containers' network. */
  static final String KAFKA_INTERNAL_LISTENER = "kafka:19092";

  private static final int REGISTRY_PORT = 8081;

  private ContainerStack() {}

  /** Whether Testcontainers finds a Docker engine. */
  static boolean available() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  /** Starts Kafka, then the registry stored in it; blocks until the registry answers. */
  static LocalStack start() {
    Network network = Network.newNetwork();
    KafkaContainer kafka = kafka(network);
    GenericContainer<?> registry = schemaRegistry(network);
    try {
      kafka.start();
      registry.start();
    } catch (RuntimeException e) {
      registry.stop();
      kafka.stop();
      network.close();
      throw e;
    }
    String registryUrl =
        "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT);
    return LocalStack.running(
        kafka.getBootstrapServers(),
        registryUrl,
        () -> {
          registry.stop();
          kafka.stop();
          network.close();
        });
  }

  /** Kafka as the tests expect it: topics are created by the code, never on first use. */
  static KafkaContainer kafka(Network network) {
    return new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
        .withNetwork(network)
        .withNetworkAliases(KAFKA_INTERNAL_LISTENER.split(":")[0])
        .withListener(KAFKA_INTERNAL_LISTENER)
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
  }

  /** Confluent Schema Registry storing its schemas in that Kafka, as in compose.yaml. */
  static GenericContainer<?> schemaRegistry(Network network) {
    return new GenericContainer<>(DockerImageName.parse(SCHEMA_REGISTRY_IMAGE))
        .withNetwork(network)
        .withExposedPorts(REGISTRY_PORT)
        .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
        .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
        .withEnv(
            "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS",
            "PLAINTEXT://" + KAFKA_INTERNAL_LISTENER)
        .withEnv("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1")
        .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
  }
}
