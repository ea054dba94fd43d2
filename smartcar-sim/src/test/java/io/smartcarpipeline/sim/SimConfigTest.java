package io.smartcarpipeline.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimConfigTest {

  @Test
  void shouldUseDocumentedDefaultsForAnEmptyEnvironment() {
    SimConfig config = SimConfig.fromEnv(Map.of());

    assertThat(config.port()).isEqualTo(8090);
    assertThat(config.tokenTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(config.bucketCapacity()).isEqualTo(120);
    assertThat(config.bucketRefillPerMinute()).isEqualTo(2.0);
    assertThat(config.faults().defaults().rateLimitShare()).isZero();
    assertThat(config.webhookAutoEnroll()).isTrue();
    assertThat(config.webhookId()).isEqualTo(SimConfig.DEFAULT_WEBHOOK_ID);
  }

  @Test
  void shouldReadTheWebhookIdAndAutoEnroll() {
    SimConfig config =
        SimConfig.fromEnv(Map.of("SIM_WEBHOOK_ID", "wh-7", "SIM_WEBHOOK_AUTO_ENROLL", "FALSE"));

    assertThat(config.webhookId()).isEqualTo("wh-7");
    assertThat(config.webhookAutoEnroll()).isFalse();
    assertThatThrownBy(() -> SimConfig.fromEnv(Map.of("SIM_WEBHOOK_AUTO_ENROLL", "yes")))
        .hasMessageContaining("SIM_WEBHOOK_AUTO_ENROLL");
  }

  @Test
  void shouldReadFaultsAndDurationsFromTheEnvironment() {
    SimConfig config =
        SimConfig.fromEnv(
            Map.of(
                "SIM_PORT", "0",
                "SIM_TOKEN_TTL", "90s",
                "SIM_FAULT_RATE_LIMIT_SHARE", "0.25",
                "SIM_FAULT_RETRY_AFTER_SECONDS", "4",
                "SIM_FAULT_LATENCY_MIN", "50ms",
                "SIM_FAULT_LATENCY_MAX", "2s",
                "SIM_FAULT_LONG_RUNNING", "PT3M",
                "SIM_BUCKET_CAPACITY", "10"));

    assertThat(config.port()).isZero();
    assertThat(config.tokenTtl()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.faults().defaults().rateLimitShare()).isEqualTo(0.25);
    assertThat(config.faults().defaults().retryAfterSeconds()).isEqualTo(4);
    assertThat(config.faults().defaults().minLatencyMs()).isEqualTo(50);
    assertThat(config.faults().defaults().maxLatencyMs()).isEqualTo(2000);
    assertThat(config.faults().defaults().longRunningMs()).isEqualTo(180_000);
    assertThat(config.bucketCapacity()).isEqualTo(10);
  }

  @Test
  void shouldNameTheKeyOfABadValue() {
    assertThatThrownBy(() -> SimConfig.fromEnv(Map.of("SIM_PORT", "eighty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SIM_PORT");
    assertThatThrownBy(() -> SimConfig.fromEnv(Map.of("SIM_FAULT_DROP_SHARE", "2")))
        .hasMessageContaining("SIM_FAULT_DROP_SHARE");
    assertThatThrownBy(() -> SimConfig.fromEnv(Map.of("SIM_TOKEN_TTL", "soon")))
        .hasMessageContaining("SIM_TOKEN_TTL");
  }
}
