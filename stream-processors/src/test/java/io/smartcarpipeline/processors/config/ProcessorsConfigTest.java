package io.smartcarpipeline.processors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.support.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorsConfigTest {

  @Test
  void shouldUseDocumentedDefaults() {
    ProcessorsConfig c = ProcessorsConfig.load(Map.of());

    assertThat(c.port()).isEqualTo(8082);
    assertThat(c.applicationId()).isEqualTo("smartcar-stream-processors");
    assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(c.replicationFactor()).isEqualTo(1);
    assertThat(c.topology().dedupRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(c.topology().sessionRules().inactivityTimeout()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void shouldReadOverridesFromEnvironment() {
    ProcessorsConfig c =
        ProcessorsConfig.load(
            Map.of("PROCESSORS_DEDUP_RETENTION", "2d", "PROCESSORS_SESSION_STOP_GAP", "15m"));

    assertThat(c.topology().dedupRetention()).isEqualTo(Duration.ofDays(2));
    assertThat(c.topology().sessionRules().stopGap()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void confirmationWindowAndTestModeHaveDefaultsAndOverrides() {
    ProcessorsConfig defaults = ProcessorsConfig.load(Map.of());
    ProcessorsConfig c =
        ProcessorsConfig.load(
            Map.of(
                ProcessorsConfig.CONFIRMATION_WINDOW, "3m",
                ProcessorsConfig.INCLUDE_TEST_MODE, "true"));

    assertThat(defaults.topology().confirmationWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.topology().includeTestMode()).isFalse();
    assertThat(c.topology().confirmationWindow()).isEqualTo(Duration.ofMinutes(3));
    assertThat(c.topology().includeTestMode()).isTrue();
    assertThatThrownBy(
            () -> ProcessorsConfig.load(Map.of(ProcessorsConfig.CONFIRMATION_WINDOW, "0s")))
        .hasMessageContaining(ProcessorsConfig.CONFIRMATION_WINDOW);
  }

  @Test
  void shouldNameTheKeyOfABadValue() {
    assertThatThrownBy(() -> ProcessorsConfig.load(Map.of("PROCESSORS_PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PROCESSORS_PORT");
  }
}
