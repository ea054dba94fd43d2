package io.smartcarpipeline.localstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.localstack.LocalStack;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class LocalStackExtensionIT {

  private static LocalStack fromBeforeAll;
  private final LocalStack fromConstructor;

  LocalStackExtensionIT(LocalStack stack) {
    this.fromConstructor = stack;
  }

  @BeforeAll
  static void remember(LocalStack stack) {
    fromBeforeAll = stack;
  }

  @Test
  void everyInjectionPointGetsTheOneSharedStack(LocalStack fromMethod) {
    assertThat(fromMethod).isSameAs(fromConstructor).isSameAs(fromBeforeAll);
  }

  @Test
  void theStackRunsABrokerOnAFreePortAndARegistry(LocalStack stack) throws Exception {
    // when
    String clusterId;
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      clusterId = admin.describeCluster().clusterId().get();
    }

    // then
    assertThat(clusterId).isNotBlank();
    assertThat(stack.bootstrapServers()).startsWith("localhost:").isNotEqualTo("localhost:9092");
    assertThat(stack.schemaRegistryUrl()).startsWith("http://localhost:");
    assertThat(stack.broker().isRunning()).isTrue();
  }
}
