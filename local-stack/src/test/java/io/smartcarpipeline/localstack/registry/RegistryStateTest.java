package io.smartcarpipeline.localstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistryStateTest {

  @Test
  void replayingTheLogRecordsRebuildsTheSameState() {
    // given
    SchemaVersion first = version("a-value", 1, 1, Vehicles.V1);
    SchemaVersion second = version("a-value", 2, 2, Vehicles.V2_OPTIONAL_FIELD);
    SchemaVersion shared = version("b-value", 1, 1, Vehicles.V1);
    RegistryState replayed = new RegistryState();

    // when
    for (SchemaVersion version : new SchemaVersion[] {first, second, shared}) {
      RegistryLogRecords.apply(
          RegistryLogRecords.schemaKey(version), RegistryLogRecords.schemaValue(version), replayed);
    }
    RegistryLogRecords.apply(
        RegistryLogRecords.configKey("b-value"),
        RegistryLogRecords.configValue(CompatibilityLevel.NONE),
        replayed);

    // then
    assertThat(replayed.subjects()).containsExactly("a-value", "b-value");
    assertThat(replayed.versions("a-value")).containsExactly(first, second);
    assertThat(replayed.usagesOf(1)).containsExactly(first, shared);
    assertThat(replayed.nextId()).isEqualTo(3);
    assertThat(replayed.nextVersion("a-value")).isEqualTo(3);
    assertThat(replayed.effectiveLevel("b-value")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(replayed.effectiveLevel("a-value")).isEqualTo(CompatibilityLevel.BACKWARD);
  }

  @Test
  void schemasDifferingOnlyInWhitespaceAreTheSameSchema() {
    // given
    RegistryState state = new RegistryState();
    state.applySchema(version("a-value", 1, 1, Vehicles.V1));

    // when
    CanonicalSchema reformatted = CanonicalSchema.parse(Vehicles.V1_REFORMATTED, "AVRO");

    // then
    assertThat(state.idOf(reformatted)).hasValue(1);
    assertThat(state.find("a-value", reformatted)).isPresent();
  }

  @Test
  void unreadableAndForeignRecordsAreSkipped() {
    // given
    RegistryState state = new RegistryState();

    // when
    RegistryLogRecords.apply("{\"keytype\":\"NOOP\",\"magic\":0}", "{}", state);
    RegistryLogRecords.apply("not json", "{}", state);
    RegistryLogRecords.apply("{\"keytype\":\"SCHEMA\"}", null, state);

    // then
    assertThat(state.subjects()).isEmpty();
    assertThat(state.nextId()).isEqualTo(1);
  }

  @Test
  void nonAvroSchemaTypesAreInvalidSchemas() {
    assertThatThrownBy(() -> CanonicalSchema.parse("syntax = \"proto3\";", "PROTOBUF"))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
  }

  private static SchemaVersion version(String subject, int version, int id, String schema) {
    return new SchemaVersion(subject, version, id, CanonicalSchema.parse(schema, null).text());
  }
}
