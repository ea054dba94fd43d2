package io.smartcarpipeline.schemas.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.schemas.TopicDoc;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.schemas.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** The committed AsyncAPI document is exactly what the registry and the schemas generate. */
class AsyncApiDocumentTest {

  static final Path COMMITTED = Path.of("../docs/asyncapi.yaml");

  @Test
  void committedDocumentIsUpToDateWithTopicsAndSchemas() throws IOException {
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);

    assertThat(committed)
        .as(
            "docs/asyncapi.yaml is stale: a topic or schema changed. Regenerate it with"
                + " ./mvnw -B -q -pl schemas -am -Pasyncapi process-test-classes and commit it")
        .isEqualTo(AsyncApiGenerator.yaml(Topics.all()));
  }

  @Test
  void everyRegisteredTopicIsAChannelWithItsWriterAndReaders() {
    ObjectNode doc = AsyncApiGenerator.document(Topics.all());

    for (TopicSpec<?> topic : Topics.all()) {
      JsonNode channel = doc.path("channels").path(topic.name());
      assertThat(channel.path("address").asText()).isEqualTo(topic.name());
      assertThat(channel.path("description").asText())
          .contains("Writer: " + topic.writer().label())
          .contains(topic.doc().readers().get(0))
          .contains(topic.valueSubject());
      assertThat(doc.path("operations").path("send-" + topic.name()).path("action").asText())
          .isEqualTo("send");
      assertThat(doc.path("operations").path("receive-" + topic.name()).path("action").asText())
          .isEqualTo("receive");
    }
  }

  @Test
  void compactionAndRetentionComeFromTheTopicConfig() {
    ObjectNode doc = AsyncApiGenerator.document(Topics.all());

    JsonNode state =
        doc.at("/channels/" + Topics.VEHICLE_STATE.name() + "/bindings/kafka/topicConfiguration");
    JsonNode events =
        doc.at("/channels/" + Topics.VEHICLE_EVENTS.name() + "/bindings/kafka/topicConfiguration");
    assertThat(state.path("cleanup.policy").get(0).asText()).isEqualTo("compact");
    assertThat(events.path("cleanup.policy").get(0).asText()).isEqualTo("delete");
    assertThat(events.path("retention.ms").asLong()).isEqualTo(7L * 24 * 3600 * 1000);
  }

  @Test
  void payloadIsTheCompiledAvroSchemaWithoutJavaHints() {
    ObjectNode doc = AsyncApiGenerator.document(Topics.all());
    JsonNode payload =
        doc.at("/channels/" + Topics.COMMANDS.name() + "/messages/CommandRequest/payload");

    assertThat(payload.path("schemaFormat").asText()).isEqualTo(AsyncApiGenerator.AVRO_FORMAT);
    assertThat(payload.path("schema").toString()).doesNotContain("avro.java.string");
    Schema parsed = new Schema.Parser().parse(payload.path("schema").toString());
    assertThat(parsed)
        .isEqualTo(
            new Schema.Parser()
                .parse(
                    SpecificData.get()
                        .getSchema(Topics.COMMANDS.valueType())
                        .toString()
                        .replace(",\"avro.java.string\":\"String\"", "")));
  }

  @Test
  void aTopicAddedToTheRegistryAppearsWithoutCodeHere() {
    TopicSpec<DeadLetter> added =
        new TopicSpec<>(
            "smartcar.something-new.v1",
            String.class,
            DeadLetter.class,
            TopicSpec.Writer.STREAM_PROCESSORS,
            3,
            Map.of("cleanup.policy", "compact"),
            new TopicDoc("A new fact.", List.of("someone"), "Per vehicle.", "Exactly once."));

    String yaml = AsyncApiGenerator.yaml(List.of(added));

    assertThat(yaml)
        .contains("smartcar.something-new.v1:")
        .contains("send-smartcar.something-new.v1")
        .contains("Readers: someone.")
        .contains("partitions: 3");
  }
}
