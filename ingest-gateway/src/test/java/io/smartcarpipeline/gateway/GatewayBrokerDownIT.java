package io.smartcarpipeline.gateway;

import static io.smartcarpipeline.gateway.GatewayClient.errorCode;
import static io.smartcarpipeline.gateway.GatewayIT.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.localstack.EmbeddedKafkaBroker;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway against a broker of its own that the test stops and starts again: while Kafka is down
 * the gateway must say 503 (so Smartcar retries), never 200, and recover without a restart.
 */
@ExtendWith(LocalStackExtension.class)
class GatewayBrokerDownIT {

  private static final String TOKEN = "broker-down-token";
  private static final Duration PRODUCE_TIMEOUT = Duration.ofSeconds(2);

  private EmbeddedKafkaBroker broker;
  private GatewayApp gateway;
  private GatewayClient client;
  private String registryUrl;

  @BeforeEach
  void startOwnBrokerAndGateway(LocalStack stack) {
    broker = EmbeddedKafkaBroker.builder().port(0).build();
    broker.start();
    registryUrl = stack.schemaRegistryUrl();
    gateway =
        GatewayApp.start(
            Settings.of(
                Map.of(
                    GatewayConfig.MANAGEMENT_TOKEN,
                    TOKEN,
                    GatewayConfig.PORT,
                    "0",
                    GatewayConfig.PRODUCE_TIMEOUT,
                    PRODUCE_TIMEOUT.toMillis() + "ms",
                    GatewayConfig.READINESS_INTERVAL,
                    "500ms",
                    CommonSettings.TOPIC_PARTITIONS,
                    "1",
                    CommonSettings.KAFKA_BOOTSTRAP_SERVERS,
                    broker.bootstrapServers(),
                    CommonSettings.SCHEMA_REGISTRY_URL,
                    registryUrl)));
    client = new GatewayClient(gateway.port());
  }

  @AfterEach
  void stopAll() {
    gateway.close();
    broker.close();
  }

  @Test
  void answers503WhileKafkaIsDownAndRecoversByItself() {
    byte[] body = Fixtures.bytes("vw_id_4_fuel.json");
    String signature = hmacHex(TOKEN, body);
    assertThat(client.deliver(body, signature).statusCode()).as("baseline").isEqualTo(200);

    // given the broker goes away
    broker.stop();

    // when Smartcar delivers, then the gateway says 503 with Retry-After, well within 15 s
    Instant sent = Instant.now();
    HttpResponse<String> down = client.deliver(body, signature);
    assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(10));
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    assertThat(errorCode(down)).isIn("PRODUCE_TIMEOUT", "PRODUCE_FAILED");
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> assertThat(client.request("GET", "/health/ready").statusCode()).isEqualTo(503));

    // when the broker is back, then deliveries are accepted again without restarting the gateway
    broker.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> assertThat(client.deliver(body, signature).statusCode()).isEqualTo(200));
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> assertThat(client.request("GET", "/health/ready").statusCode()).isEqualTo(200));

    // and the accepted delivery is really on the topic
    try (TopicProbe<VehicleEvent> events =
        new TopicProbe<>(broker.bootstrapServers(), registryUrl, Topics.VEHICLE_EVENTS)) {
      Map<TopicPartition, Long> start =
          Map.of(new TopicPartition(Topics.VEHICLE_EVENTS.name(), 0), 0L);
      assertThat(events.recordsSince(start))
          .extracting(r -> r.value().getEventId())
          .contains("1821c036-71cb-408f-8dee-2989b9764307")
          .hasSizeGreaterThanOrEqualTo(2);
    }
  }
}
