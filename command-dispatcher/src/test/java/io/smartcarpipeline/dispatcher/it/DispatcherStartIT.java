package io.smartcarpipeline.dispatcher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.dispatcher.CommandProducer;
import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
                  DispatcherApp.start(Settings.of(settings(stack, instance, taken.getLocalPort()))))
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

  @Test
  void aRestartedInstanceTakesOverAtOnceFromItsCrashedSelfAndIsReadyOnlyWhenConsuming(
      LocalStack stack) throws Exception {
    // given the consumer of a dispatcher that crashed: it joined the group with its instance id,
    // then stopped polling without leaving (its heartbeats would keep it a member for minutes)
    String instance = "crashed-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> env = settings(stack, instance, 0);
    String groupId = env.get("DISPATCHER_GROUP_ID");
    try (DispatcherApp first = DispatcherApp.start(Settings.of(env))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> ready(first.port()) == 200);
    } // a clean first run creates the topics and leaves the group
    Map<String, Object> c =
        KafkaClients.consumerConfig(
            KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl()),
            groupId);
    c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupId + "-" + instance);
    KafkaConsumer<String, byte[]> crashed =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    try {
      crashed.subscribe(List.of(Topics.COMMANDS.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                crashed.poll(Duration.ofMillis(100));
                return !crashed.assignment().isEmpty();
              });

      // when the same instance starts again
      long started = System.nanoTime();
      try (DispatcherApp restarted = DispatcherApp.start(Settings.of(env));
          CommandProducer producer =
              new CommandProducer(stack.bootstrapServers(), stack.schemaRegistryUrl());
          ResultCollector results =
              new ResultCollector(stack.bootstrapServers(), stack.schemaRegistryUrl())) {
        CommandRequest expired =
            CommandRequest.newBuilder(
                    CommandProducer.request(
                        CommandType.LOCK, "restart-car", "restart-user", null, null, null, null))
                .setExpiresAt(Instant.now().minusSeconds(1))
                .build();
        producer.send(expired);

        // then it consumes within seconds (the result needs no call), and says ready
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> results.poll(List.of(expired.getCommandId())).get(expired.getCommandId()),
                l -> l != null && l.size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> ready(restarted.port()) == 200);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isLessThan(Duration.ofSeconds(30));
      }
    } finally {
      crashed.close(
          org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(1))
              .withGroupMembershipOperation(
                  org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation
                      .REMAIN_IN_GROUP));
    }
  }

  private static int ready(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static List<String> threadsNamedAfter(String part) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.contains(part))
        .toList();
  }
}
