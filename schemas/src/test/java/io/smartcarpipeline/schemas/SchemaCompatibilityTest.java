package io.smartcarpipeline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the contracts: every schema parses, and every topic's value schema can still read data
 * written with the released copy in {@code src/test/resources/schema-baseline}, and the released
 * copy can read the current schema's data (FULL, {@link SchemaPolicy}). A change that breaks this
 * must become a new topic version (…v2), not an edit. To release a compatible change, regenerate
 * the baseline with {@link BaselineWriter}.
 */
class SchemaCompatibilityTest {

  static Stream<TopicSpec<?>> topics() {
    return Topics.all().stream();
  }

  @Test
  void everySchemaFileParses() throws IOException {
    Path avro = Path.of("src/main/avro");
    List<Path> pending;
    try (Stream<Path> files = Files.list(avro.resolve("common"))) {
      pending =
          new ArrayList<>(files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList());
    }
    // common files refer to each other: parse each once the types it names are known
    List<Schema> known = new ArrayList<>();
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (Iterator<Path> it = pending.iterator(); it.hasNext(); ) {
        Optional<Schema> parsed = tryParse(it.next(), known);
        if (parsed.isPresent()) {
          known.add(parsed.get());
          it.remove();
          progress = true;
        }
      }
    }
    assertThat(pending).as("schemas that do not parse").isEmpty();
    for (TopicSpec<?> topic : Topics.all()) {
      Path file = avro.resolve(topic.valueType().getSimpleName() + ".avsc");
      Schema parsed = new Schema.Parser().addTypes(known).parse(file.toFile());
      // the generated class adds avro.java.string properties; the parsing form ignores them
      assertThat(SchemaNormalization.toParsingForm(parsed))
          .isEqualTo(
              SchemaNormalization.toParsingForm(SpecificData.get().getSchema(topic.valueType())));
    }
  }

  private static Optional<Schema> tryParse(Path file, List<Schema> known) throws IOException {
    try {
      return Optional.of(new Schema.Parser().addTypes(known).parse(file.toFile()));
    } catch (AvroRuntimeException e) {
      return Optional.empty(); // names a type not parsed yet
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void valueSchemaReadsDataWrittenWithTheReleasedSchema(TopicSpec<?> topic) throws IOException {
    Schema current = SpecificData.get().getSchema(topic.valueType());
    Schema released = baseline(topic);

    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(current, released);

    assertThat(result.getType())
        .as(
            "%s is not backward compatible with its released schema: %s",
            topic.valueType().getSimpleName(), result.getResult().getIncompatibilities())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  /**
   * The other half of FULL ({@link SchemaPolicy}): consumers we do not control keep the released
   * schema after our producers upgrade, so the released schema must read the current one's data.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void releasedSchemaReadsDataWrittenWithTheCurrentSchema(TopicSpec<?> topic) throws IOException {
    Schema current = SpecificData.get().getSchema(topic.valueType());
    Schema released = baseline(topic);

    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(released, current);

    assertThat(result.getType())
        .as(
            "readers of the released %s cannot read the current schema's data (%s): only fields"
                + " with a default may be added or removed (docs/schema-evolution.md)",
            topic.valueType().getSimpleName(), result.getResult().getIncompatibilities())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @Test
  void breakingChangeIsDetected() throws IOException {
    // given the released VehicleEvent and a change that adds a required field without a default
    Schema released = baseline(Topics.VEHICLE_EVENTS);
    String broken =
        released
            .toString()
            .replaceFirst(
                "\"fields\":\\[",
                "\"fields\":[{\"name\":\"mandatoryNewField\",\"type\":\"string\"},");
    Schema changed = new Schema.Parser().parse(broken);

    // then the check this test class relies on calls it incompatible
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(changed, released).getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  static Schema baseline(TopicSpec<?> topic) throws IOException {
    String file = "/schema-baseline/" + topic.valueType().getSimpleName() + ".avsc";
    try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(file)) {
      assertThat(in).as("released copy %s (add it with BaselineWriter)", file).isNotNull();
      return new Schema.Parser().parse(in);
    }
  }

  /** Writes the current schemas as the released baseline. Run by hand when releasing. */
  static final class BaselineWriter {
    public static void main(String[] args) throws IOException {
      Path dir = Path.of("schemas/src/test/resources/schema-baseline");
      Files.createDirectories(dir);
      for (TopicSpec<?> topic : Topics.all()) {
        Schema schema = SpecificData.get().getSchema(topic.valueType());
        Files.writeString(
            dir.resolve(topic.valueType().getSimpleName() + ".avsc"),
            SchemaFormatter.format("json/pretty", schema) + System.lineSeparator());
      }
    }
  }
}
