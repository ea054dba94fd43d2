package io.smartcarpipeline.gateway.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"\u0001\u0002\u001f", "\u0000", " \t\n", "", "id\u0007x", "\uD800abc"})
  void controlCharactersBlankTextAndLoneSurrogatesAreNoId(String raw) {
    assertThat(Ids.clean(raw)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1821c036-71cb-408f-8dee-2989b9764307", "v-42", "véhicule-🚗"})
  void printableTextIsAnIdAsGiven(String raw) {
    assertThat(Ids.clean(" " + raw + " ")).contains(raw);
  }

  @ParameterizedTest
  @ValueSource(ints = {256, 257})
  void idsAreAtMost256Characters(int length) {
    assertThat(Ids.clean("x".repeat(length)).isPresent()).isEqualTo(length <= Ids.MAX_LENGTH);
  }
}
