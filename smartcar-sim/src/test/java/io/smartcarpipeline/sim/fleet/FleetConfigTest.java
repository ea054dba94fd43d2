package io.smartcarpipeline.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetConfigTest {

  private static final String URL = "http://localhost:8080/webhooks/smartcar";

  @Test
  void shouldReadTheFleetKeysOverTheDefaults() {
    FleetConfig c =
        FleetConfig.fromEnv(
            Map.of(
                "SMARTCAR_MANAGEMENT_TOKEN", "amt",
                "SIM_TIME_FACTOR", "600",
                "SIM_DUPLICATE_SHARE", "0.2",
                "SIM_FLEET_START", "2026-03-02T06:00:00Z"),
            URL,
            5);

    assertThat(c.vehicles()).isEqualTo(5);
    assertThat(c.timeFactor()).isEqualTo(600);
    assertThat(c.duplicateShare()).isEqualTo(0.2);
    assertThat(c.startTime()).isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
    assertThat(c.concurrency()).isEqualTo(8);
    assertThat(c.step()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.deliveryTimeout()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void shouldNameTheMissingManagementToken() {
    assertThatThrownBy(() -> FleetConfig.fromEnv(Map.of(), URL, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SMARTCAR_MANAGEMENT_TOKEN");
  }

  @Test
  void shouldNameAMalformedKey() {
    Map<String, String> env =
        Map.of("SMARTCAR_MANAGEMENT_TOKEN", "amt", "SIM_DUPLICATE_SHARE", "1.5");

    assertThatThrownBy(() -> FleetConfig.fromEnv(env, URL, 3))
        .hasMessageContaining("SIM_DUPLICATE_SHARE");
  }
}
