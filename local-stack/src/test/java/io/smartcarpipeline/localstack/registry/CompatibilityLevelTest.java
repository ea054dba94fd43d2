package io.smartcarpipeline.localstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

  private static final Schema V1 = parse(Vehicles.V1);
  private static final Schema OPTIONAL = parse(Vehicles.V2_OPTIONAL_FIELD);
  private static final Schema REQUIRED = parse(Vehicles.V2_REQUIRED_FIELD);

  @Test
  void backwardRejectsANewRequiredFieldWithoutDefault() {
    assertThat(CompatibilityLevel.BACKWARD.incompatibilities(REQUIRED, List.of(V1))).isNotEmpty();
  }

  @Test
  void backwardAcceptsANewOptionalFieldWithDefault() {
    assertThat(CompatibilityLevel.BACKWARD.incompatibilities(OPTIONAL, List.of(V1))).isEmpty();
  }

  @Test
  void forwardAcceptsANewRequiredFieldBecauseOldReadersIgnoreIt() {
    assertThat(CompatibilityLevel.FORWARD.incompatibilities(REQUIRED, List.of(V1))).isEmpty();
  }

  @Test
  void fullRejectsWhatEitherDirectionRejects() {
    assertThat(CompatibilityLevel.FULL.incompatibilities(REQUIRED, List.of(V1))).isNotEmpty();
    assertThat(CompatibilityLevel.FULL.incompatibilities(V1, List.of(REQUIRED))).isNotEmpty();
    assertThat(CompatibilityLevel.FULL.incompatibilities(OPTIONAL, List.of(V1))).isEmpty();
  }

  @Test
  void onlyTransitiveLevelsCheckVersionsBeforeTheLatest() {
    // given: V1 may follow REQUIRED backward, OPTIONAL may follow V1, but not REQUIRED forward
    List<Schema> history = List.of(REQUIRED, V1);

    // then
    assertThat(CompatibilityLevel.FORWARD.incompatibilities(OPTIONAL, history)).isEmpty();
    assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.incompatibilities(OPTIONAL, history))
        .isNotEmpty();
  }

  @Test
  void noneAcceptsAnything() {
    assertThat(CompatibilityLevel.NONE.incompatibilities(REQUIRED, List.of(V1))).isEmpty();
  }

  @Test
  void levelsParseInAnyCaseAndRejectUnknownNames() {
    assertThat(CompatibilityLevel.parse("full_transitive"))
        .contains(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(CompatibilityLevel.parse("SIDEWAYS")).isEmpty();
    assertThat(CompatibilityLevel.parse(null)).isEmpty();
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }
}
