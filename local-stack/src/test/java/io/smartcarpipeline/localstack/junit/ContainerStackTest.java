package io.smartcarpipeline.localstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The container backend's wiring, checked without Docker (nothing is started): the registry reads
 * and writes the broker it runs next to, and the broker leaves topic creation to the code.
 */
class ContainerStackTest {

  @Test
  void theRegistryStoresItsSchemasInTheBrokerOnTheSameNetwork() {
    try (Network network = Network.newNetwork()) {
      KafkaContainer kafka = ContainerStack.kafka(network);
      GenericContainer<?> registry = ContainerStack.schemaRegistry(network);

      assertThat(kafka.getNetwork()).isSameAs(network);
      assertThat(registry.getNetwork()).isSameAs(network);
      assertThat(kafka.getNetworkAliases()).contains("kafka");
      assertThat(registry.getEnvMap())
          .containsEntry("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
          .containsEntry("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1");
      assertThat(kafka.getEnvMap()).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }
  }
}
