package io.smartcarpipeline.sim.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParamsTest {

  private static Map<String, Object> attributes(Map<String, Object> attributes) {
    return Map.of("data", Map.of("attributes", attributes));
  }

  @Test
  void shouldReadAnIntegerPercentWithinRange() {
    CommandParams.Parsed parsed =
        CommandParams.parse(CommandType.CHARGE_SET_LIMIT, attributes(Map.of("percent", 80)));

    assertThat(parsed.error()).isNull();
    assertThat(parsed.params().percent()).isEqualTo(80);
    assertThat(parsed.params().asMap()).containsExactly(Map.entry("percent", 80));
  }

  @ParameterizedTest
  @ValueSource(ints = {49, 101, 0, -5})
  void shouldRejectPercentOutsideFiftyToHundred(int percent) {
    CommandParams.Parsed parsed =
        CommandParams.parse(CommandType.CHARGE_SET_LIMIT, attributes(Map.of("percent", percent)));

    assertThat(parsed.params()).isNull();
    assertThat(parsed.error().statusCode()).isEqualTo(400);
    assertThat(parsed.error().type()).isEqualTo("VALIDATION");
    assertThat(parsed.error().detail()).singleElement().asString().contains("percent");
  }

  @Test
  void shouldRejectNonIntegerOrMissingPercent() {
    assertThat(
            CommandParams.parse(CommandType.CHARGE_SET_LIMIT, attributes(Map.of("percent", 80.5)))
                .error())
        .isNotNull();
    assertThat(
            CommandParams.parse(CommandType.CHARGE_SET_LIMIT, attributes(Map.of("percent", "80")))
                .error())
        .isNotNull();
    assertThat(CommandParams.parse(CommandType.CHARGE_SET_LIMIT, null).error()).isNotNull();
    assertThat(CommandParams.parse(CommandType.CHARGE_SET_LIMIT, Map.of("percent", 80)).error())
        .as("percent outside data.attributes")
        .isNotNull();
  }

  @Test
  void shouldValidateDestinationRanges() {
    CommandType dest = CommandType.NAVIGATION_SET_DESTINATION;

    CommandParams.Parsed ok =
        CommandParams.parse(dest, attributes(Map.of("latitude", -90, "longitude", 180.0)));
    CommandParams.Parsed badLat =
        CommandParams.parse(dest, attributes(Map.of("latitude", 90.01, "longitude", 0)));
    CommandParams.Parsed badLon =
        CommandParams.parse(dest, attributes(Map.of("latitude", 0, "longitude", -180.5)));
    CommandParams.Parsed missing = CommandParams.parse(dest, attributes(Map.of("latitude", 1)));

    assertThat(ok.error()).isNull();
    assertThat(ok.params().asMap())
        .containsEntry("latitude", -90.0)
        .containsEntry("longitude", 180.0);
    assertThat(badLat.error().detail()).singleElement().asString().contains("latitude");
    assertThat(badLon.error().detail()).singleElement().asString().contains("longitude");
    assertThat(missing.error()).isNotNull();
  }

  @Test
  void shouldIgnoreBodiesOfCommandsWithoutParameters() {
    CommandParams.Parsed parsed =
        CommandParams.parse(CommandType.SECURITY_LOCK, Map.of("anything", "goes"));

    assertThat(parsed.error()).isNull();
    assertThat(parsed.params().asMap()).isEmpty();
  }
}
