package io.smartcarpipeline.dispatcher.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.CommandType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandNamesTest {

  @ParameterizedTest
  @CsvSource({
    "START_CHARGING, START_CHARGING",
    "START_CHARGE, START_CHARGING",
    "charge/start, START_CHARGING",
    "charge-start, START_CHARGING",
    "STOP_CHARGE, STOP_CHARGING",
    "Charge/Stop, STOP_CHARGING",
    "SET_CHARGE_LIMIT, SET_CHARGE_LIMIT",
    "charge-set-limit, SET_CHARGE_LIMIT",
    "lock, LOCK",
    "security-lock, LOCK",
    "UNLOCK, UNLOCK",
    "security/unlock, UNLOCK",
    "SET_DESTINATION, SET_DESTINATION",
    "set-destination, SET_DESTINATION",
    "navigation/set-destination, SET_DESTINATION"
  })
  void shouldMatchOurSmartcarsAndThePathsNamesWithoutCaseOrPunctuation(
      String name, CommandType expected) {
    assertThat(CommandNames.match(name)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "HONK", "charge", "start", "LOCKS", "charge-ischarging"})
  void shouldMatchNothingForOtherNames(String name) {
    assertThat(CommandNames.match(name)).isEmpty();
  }

  @Test
  void shouldMatchNothingForNull() {
    assertThat(CommandNames.match(null)).isEmpty();
  }

  @Test
  void shouldKnowEveryCommandTypeByItsOwnName() {
    for (CommandType type : CommandType.values()) {
      assertThat(CommandNames.match(type.name())).contains(type);
    }
  }
}
