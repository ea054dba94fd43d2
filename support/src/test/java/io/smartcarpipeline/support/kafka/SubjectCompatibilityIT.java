package io.smartcarpipeline.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.SchemaPolicy;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import io.smartcarpipeline.serde.RestSchemaRegistryClient;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schema evolution policy against the real registry of the embedded stack: a service's start
 * sets FULL_TRANSITIVE on its value subjects, and the registry then refuses the changes the policy
 * forbids and accepts the ones it allows (docs/schema-evolution.md).
 */
@ExtendWith(LocalStackExtension.class)
class SubjectCompatibilityIT {

  private static final String COMMANDS = Topics.COMMANDS.valueSubject();
  private static final Schema RELEASED = SpecificData.get().getSchema(Topics.COMMANDS.valueType());

  private KafkaClientSettings kafka;
  private RestSchemaRegistryClient registry;

  @BeforeEach
  void connect(LocalStack stack) {
    kafka = KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl());
    registry =
        new RestSchemaRegistryClient(
            AvroSerdeConfig.from(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl())));
    SubjectCompatibility.ensure(kafka, List.of(Topics.COMMANDS));
    registry.register(COMMANDS, RELEASED);
  }

  @Test
  void serviceStartSetsThePolicyLevelOnTheSubject() {
    assertThat(registry.compatibility(COMMANDS)).contains(SchemaPolicy.COMPATIBILITY_LEVEL);
  }

  @Test
  void addingARequiredFieldIsRefused() {
    Schema changed = withFields(",{\"name\":\"priority\",\"type\":\"int\"}");

    assertThatThrownBy(() -> registry.register(COMMANDS, changed))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("HTTP 409")
        .hasMessageContaining("incompatible");
  }

  @Test
  void removingAFieldWithoutDefaultIsRefusedThoughBackwardWouldAllowIt() {
    // old readers (consumers we do not control) would miss commandId: FORWARD fails
    Schema changed =
        new Schema.Parser()
            .parse(RELEASED.toString().replace("{\"name\":\"commandId\",", "{\"name\":\"cmdId\","));

    assertThatThrownBy(() -> registry.register(COMMANDS, changed))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("HTTP 409");
  }

  @Test
  void addingAnOptionalFieldWithDefaultIsAccepted() {
    Schema changed =
        withFields(",{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}");

    int id = registry.register(COMMANDS, changed);

    assertThat(registry.latest(COMMANDS).id()).isEqualTo(id);
  }

  @Test
  void aLevelTheOperatorChoseIsLeftAlone() {
    String subject = Topics.DEAD_LETTERS.valueSubject();
    registry.setCompatibility(subject, "BACKWARD");

    SubjectCompatibility.ensure(kafka, List.of(Topics.DEAD_LETTERS));

    assertThat(registry.compatibility(subject)).contains("BACKWARD");
  }

  private static Schema withFields(String extra) {
    String json = RELEASED.toString();
    int end = json.lastIndexOf(']');
    return new Schema.Parser().parse(json.substring(0, end) + extra + json.substring(end));
  }
}
