package io.smartcarpipeline.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.gateway.http.ServerLimits;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

  @Test
  void missingManagementTokenStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> GatewayConfig.load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(GatewayConfig.MANAGEMENT_TOKEN);
  }

  @Test
  void defaultsMatchTheDesign() {
    GatewayConfig config = GatewayConfig.load(Map.of(GatewayConfig.MANAGEMENT_TOKEN, "t"));

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
    assertThat(config.maxBodyBytes()).isEqualTo(64 * 1024);
    assertThat(config.produceTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.previousManagementToken()).isEmpty();
    assertThat(config.instances()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void serverLimitsHaveDefaultsAndAreRead() {
    GatewayConfig defaults = GatewayConfig.load(Map.of(GatewayConfig.MANAGEMENT_TOKEN, "t"));
    GatewayConfig set =
        GatewayConfig.load(
            Map.of(
                GatewayConfig.MANAGEMENT_TOKEN, "t",
                ServerLimits.IDLE_TIMEOUT, "30s",
                ServerLimits.HEADER_TIMEOUT, "500ms",
                ServerLimits.REQUEST_TIMEOUT, "PT2S",
                ServerLimits.MAX_CONNECTIONS, "7"));

    assertThat(defaults.serverLimits())
        .isEqualTo(
            new ServerLimits(
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(10), 1000));
    assertThat(set.serverLimits())
        .isEqualTo(
            new ServerLimits(
                Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(2), 7));
  }

  @Test
  void aBadServerLimitStopsTheStartNamingTheSetting() {
    assertThatThrownBy(
            () ->
                GatewayConfig.load(
                    Map.of(GatewayConfig.MANAGEMENT_TOKEN, "t", ServerLimits.MAX_CONNECTIONS, "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(ServerLimits.MAX_CONNECTIONS);
    assertThatThrownBy(
            () ->
                GatewayConfig.load(
                    Map.of(GatewayConfig.MANAGEMENT_TOKEN, "t", ServerLimits.HEADER_TIMEOUT, "0s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(ServerLimits.HEADER_TIMEOUT);
  }

  @Test
  void environmentOverridesDefaults() {
    GatewayConfig config =
        GatewayConfig.from(
            Settings.of(
                Map.of(
                    GatewayConfig.MANAGEMENT_TOKEN, "t",
                    GatewayConfig.MANAGEMENT_TOKEN_PREVIOUS, "old",
                    GatewayConfig.PORT, "0",
                    GatewayConfig.PRODUCE_TIMEOUT, "1500ms")));

    assertThat(config.port()).isZero();
    assertThat(config.previousManagementToken()).contains("old");
    assertThat(config.produceTimeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void produceBoundNearSmartcarsTimeoutIsRefused() {
    assertThatThrownBy(
            () ->
                GatewayConfig.load(
                    Map.of(
                        GatewayConfig.MANAGEMENT_TOKEN, "t", GatewayConfig.PRODUCE_TIMEOUT, "14s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(GatewayConfig.PRODUCE_TIMEOUT);
  }

  @Test
  void badPortIsRefusedNamingTheSetting() {
    assertThatThrownBy(
            () ->
                GatewayConfig.load(
                    Map.of(GatewayConfig.MANAGEMENT_TOKEN, "t", GatewayConfig.PORT, "http")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(GatewayConfig.PORT);
  }

  @Test
  void tokensNeverAppearInToString() {
    GatewayConfig config =
        GatewayConfig.load(
            Map.of(
                GatewayConfig.MANAGEMENT_TOKEN, "secret-now",
                GatewayConfig.MANAGEMENT_TOKEN_PREVIOUS, "secret-before"));

    assertThat(config.toString()).doesNotContain("secret-now").doesNotContain("secret-before");
  }
}
