package io.smartcarpipeline.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @Test
  void environmentOverridesFileWhichOverridesDefaults(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("pipeline.properties");
    Files.writeString(file, "kafka.bootstrap.servers=file:9092\nGATEWAY_PORT=9000\n");

    Settings settings =
        Settings.load(
            Map.of("KAFKA_BOOTSTRAP_SERVERS", "default:9092", "GATEWAY_PORT", "8080", "X", "d"),
            Map.of(Settings.CONFIG_FILE, file.toString(), "GATEWAY_PORT", "7000"));

    assertThat(settings.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("file:9092");
    assertThat(settings.port("GATEWAY_PORT")).isEqualTo(7000);
    assertThat(settings.get("X")).isEqualTo("d");
  }

  @Test
  void missingRequiredSecretNamesTheSetting() {
    Settings settings = Settings.of(Map.of("SMARTCAR_MANAGEMENT_TOKEN", " "));

    assertThatThrownBy(
            () -> settings.require("SMARTCAR_MANAGEMENT_TOKEN", "the Application Management Token"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SMARTCAR_MANAGEMENT_TOKEN")
        .hasMessageContaining("Application Management Token");
  }

  @Test
  void badValuesFailNamingTheKey() {
    Settings settings = Settings.of(Map.of("P", "99999", "N", "ten", "D", "soon", "B", "perhaps"));

    assertThatThrownBy(() -> settings.port("P")).hasMessageContaining("P:");
    assertThatThrownBy(() -> settings.intValue("N")).hasMessageContaining("N:");
    assertThatThrownBy(() -> settings.duration("D")).hasMessageContaining("D:");
    assertThatThrownBy(() -> settings.bool("B")).hasMessageContaining("B:");
  }

  @Test
  void durationsInShortAndIsoForms() {
    Settings settings =
        Settings.of(Map.of("A", "500ms", "B", "15s", "C", "7d", "D", "PT2M", "E", "3h"));

    assertThat(settings.duration("A")).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.duration("B")).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.duration("C")).isEqualTo(Duration.ofDays(7));
    assertThat(settings.duration("D")).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.duration("E")).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void prefixSelectsASubset() {
    Settings settings = Settings.of(Map.of("KAFKA_PRODUCER_LINGER_MS", "10", "OTHER", "x"));

    assertThat(settings.withPrefix("KAFKA_PRODUCER_"))
        .containsExactly(Map.entry("LINGER_MS", "10"));
  }

  @Test
  void boundedValuesRefuseWhatIsOutOfRangeNamingTheKey() {
    Settings settings = Settings.of(Map.of("D", "0s", "E", "2s", "N", "2", "M", "3"));

    assertThat(settings.positiveDuration("E")).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> settings.positiveDuration("D"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("D:")
        .hasMessageContaining("must be a positive duration, got PT0S");
    assertThat(settings.intAtLeast("M", 3)).isEqualTo(3);
    assertThatThrownBy(() -> settings.intAtLeast("N", 3))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("N:")
        .hasMessageContaining("must be at least 3, got 2");
  }
}
