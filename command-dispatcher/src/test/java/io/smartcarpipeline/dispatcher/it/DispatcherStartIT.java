package io.smartcarpipeline.dispatcher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dispatcher's start on the common service skeleton: a start that fails late (its port is
 * taken) leaves no consumer thread and no Kafka client behind, and a start that cannot reach Kafka
 * stops within seconds naming the setting to check.
 */
@ExtendWith(LocalStackExtension.class)
class DispatcherStartIT {

  private static Map<String, String> settings(LocalStack stack, String instance, int port) {
    Map<String, String> s = new HashMap<>();
    s.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
    s.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
    s.put("SMARTCAR_CLIENT_ID", "client-start-it");
    s.put("SMARTCAR_CLIENT_SECRET", "secret-start-it");
    s.put("SMARTCAR_API_V3_ORIGIN", "http://127.0.0.1:1");
    s.put("SMARTCAR_IAM_ORIGIN", "http://127.0.0.1:1");
    s.put("DISPATCHER_PORT", String.valueOf(port));
    s.put("DISPATCHER_GROUP_ID", "dispatcher-start-it");
    s.put("DISPATCHER_INSTANCE_ID", instance);
    return s;
  }

  @Test
  void aStartThatFailsOnATakenPortLeavesNoThreadBehind(LocalStack stack) throws IOException {
    String instance = "taken-" + UUID.randomUUID().toString().substring(0, 8);
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      assertThatThrownBy(
              () ->
                  DispatcherApp.start(
                      Settings.of(settings(stack, instance, taken.getLocalPort()))))
          .hasMessageContaining("DISPATCHER_PORT");
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(threadsNamedAfter(instance)).isEmpty());
    assertThat(threadsNamedAfter("dispatcher-consumer")).isEmpty();
  }

  @Test
  void aStartAfterAFailedOneWorksAndIsReadyOnlyOnceStarted(LocalStack stack) throws IOException {
    String instance = "again-" + UUID.randomUUID().toString().substring(0, 8);
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      assertThatThrownBy(
          () -> DispatcherApp.start(Settings.of(settings(stack, instance, taken.getLocalPort()))));
    }

    try (DispatcherApp app = DispatcherApp.start(Settings.of(settings(stack, instance, 0)))) {
      assertThat(app.port()).isPositive();
      assertThat(threadsNamedAfter("dispatcher-consumer")).hasSize(1);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(threadsNamedAfter(instance)).isEmpty());
  }

  @Test
  void aBrokerThatNeverAnswersStopsTheStartNamingTheBootstrapSetting(LocalStack stack)
      throws IOException {
    int silentPort;
    try (ServerSocket s = new ServerSocket(0)) {
      silentPort = s.getLocalPort(); // closed again: nothing listens there
    }
    Map<String, String> s = settings(stack, "unreachable", 0);
    s.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + silentPort);
    long started = System.nanoTime();

    assertThatThrownBy(() -> DispatcherApp.start(Settings.of(s)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(45));
  }

  private static List<String> threadsNamedAfter(String part) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.contains(part))
        .toList();
  }
}
