package io.smartcarpipeline.localstack.registry;

import static io.smartcarpipeline.localstack.registry.RegistryAssertions.assertError;
import static io.smartcarpipeline.localstack.registry.RegistryAssertions.idOf;
import static io.smartcarpipeline.localstack.registry.RegistryAssertions.newSubject;
import static io.smartcarpipeline.localstack.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.localstack.registry.RegistryHttp.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schemas and subjects in the REST API, over real HTTP, against the shared local stack. */
@ExtendWith(LocalStackExtension.class)
class SchemaRegistryServerIT {

  private RegistryHttp registry;

  @BeforeEach
  void connect(LocalStack stack) {
    registry = new RegistryHttp(stack.schemaRegistryUrl());
  }

  @Test
  void registeringASchemaAnswersItsIdAsRegistryJson() {
    // when
    Answer answer = registry.register(newSubject(), Vehicles.V1);

    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(answer.object().fieldNames()).containsExactly("id");
    assertThat(answer.object().getInteger("id")).isPositive();
  }

  @Test
  void sameSchemaAgainGetsTheSameIdAndNoNewVersion() {
    // given
    String subject = newSubject();
    int first = idOf(registry.register(subject, Vehicles.V1));

    // when
    int again = idOf(registry.register(subject, Vehicles.V1_REFORMATTED));

    // then
    assertThat(again).isEqualTo(first);
    assertThat(registry.get("/subjects/" + subject + "/versions").json())
        .isEqualTo(new JsonArray().add(1));
  }

  @Test
  void sameSchemaUnderTwoSubjectsGetsOneId() {
    // when
    int first = idOf(registry.register(newSubject(), Vehicles.OTHER));
    int second = idOf(registry.register(newSubject(), Vehicles.OTHER));

    // then
    assertThat(second).isEqualTo(first);
  }

  @Test
  void schemaByIdAnswersTheCanonicalSchema() {
    // given
    int id = idOf(registry.register(newSubject(), Vehicles.V1_REFORMATTED));

    // when
    Answer answer = registry.get("/schemas/ids/" + id);

    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.object().fieldNames()).containsExactly("schema");
    assertThat(new Schema.Parser().parse(answer.object().getString("schema")))
        .isEqualTo(new Schema.Parser().parse(Vehicles.V1));
  }

  @Test
  void schemaIdVersionsListsEverySubjectUsingIt() {
    // given
    String first = newSubject();
    String second = newSubject();
    int id = idOf(registry.register(first, Vehicles.V1));
    registry.register(second, Vehicles.V1);

    // when
    Answer answer = registry.get("/schemas/ids/" + id + "/versions");

    // then
    JsonArray usages = (JsonArray) answer.json();
    List<String> subjectVersions = new ArrayList<>();
    for (int i = 0; i < usages.size(); i++) {
      JsonObject usage = usages.getJsonObject(i);
      subjectVersions.add(usage.getString("subject") + ":" + usage.getInteger("version"));
    }
    assertThat(subjectVersions).contains(first + ":1", second + ":1");
  }

  @Test
  void unknownSchemaIdIsError40403() {
    assertError(registry.get("/schemas/ids/999999"), 404, 40403, "Schema not found");
  }

  @Test
  void subjectsListsEveryRegisteredSubject() {
    // given
    String subject = newSubject();
    registry.register(subject, Vehicles.V1);

    // when
    Answer answer = registry.get("/subjects");

    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(((JsonArray) answer.json()).stream().map(String::valueOf)).contains(subject);
  }

  @Test
  void versionAndLatestAnswerSubjectVersionIdAndSchema() {
    // given
    String subject = newSubject();
    int id1 = idOf(registry.register(subject, Vehicles.V1));
    int id2 = idOf(registry.register(subject, Vehicles.V2_OPTIONAL_FIELD));

    // when
    JsonObject first = registry.get("/subjects/" + subject + "/versions/1").object();
    JsonObject latest = registry.get("/subjects/" + subject + "/versions/latest").object();

    // then
    assertThat(first.fieldNames()).containsExactlyInAnyOrder("subject", "version", "id", "schema");
    assertThat(first.getString("subject")).isEqualTo(subject);
    assertThat(first.getInteger("version")).isEqualTo(1);
    assertThat(first.getInteger("id")).isEqualTo(id1);
    assertThat(latest.getInteger("version")).isEqualTo(2);
    assertThat(latest.getInteger("id")).isEqualTo(id2);
    assertThat(new Schema.Parser().parse(latest.getString("schema")))
        .isEqualTo(new Schema.Parser().parse(Vehicles.V2_OPTIONAL_FIELD));
  }

  @Test
  void unknownSubjectIsError40401() {
    String subject = newSubject();
    assertError(
        registry.get("/subjects/" + subject + "/versions"),
        404,
        40401,
        "Subject '" + subject + "' not found.");
    assertError(registry.get("/subjects/" + subject + "/versions/1"), 404, 40401, null);
  }

  @Test
  void unknownVersionIsError40402AndInvalidVersionIs42202() {
    // given
    String subject = newSubject();
    registry.register(subject, Vehicles.V1);

    // then
    assertError(
        registry.get("/subjects/" + subject + "/versions/7"), 404, 40402, "Version not found.");
    assertError(registry.get("/subjects/" + subject + "/versions/first"), 422, 42202, null);
  }

  @Test
  void lookupFindsTheVersionHoldingASchema() {
    // given
    String subject = newSubject();
    int id = idOf(registry.register(subject, Vehicles.V1));

    // when
    Answer answer = registry.post("/subjects/" + subject, schemaBody(Vehicles.V1_REFORMATTED));

    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.object().getString("subject")).isEqualTo(subject);
    assertThat(answer.object().getInteger("version")).isEqualTo(1);
    assertThat(answer.object().getInteger("id")).isEqualTo(id);
    assertThat(answer.object().getString("schema")).isNotBlank();
  }

  @Test
  void lookupOfAnUnregisteredSchemaIsError40403AndOfAnUnknownSubject40401() {
    // given
    String subject = newSubject();
    registry.register(subject, Vehicles.V1);

    // then
    assertError(
        registry.post("/subjects/" + subject, schemaBody(Vehicles.OTHER)), 404, 40403, null);
    assertError(
        registry.post("/subjects/" + newSubject(), schemaBody(Vehicles.V1)), 404, 40401, null);
  }

  @Test
  void invalidSchemaIsError42201() {
    assertError(
        registry.register(newSubject(), "{\"type\": \"record\", \"name\": \"NoFields\"}"),
        422,
        42201,
        null);
    assertError(registry.register(newSubject(), "not json"), 422, 42201, null);
  }

  @Test
  void healthEndpointsAnswerUp() {
    assertThat(registry.get("/health/live").status()).isEqualTo(200);
    assertThat(registry.get("/health/ready").status()).isEqualTo(200);
  }

  @Test
  void unknownPathIsA404ErrorBody() {
    assertError(registry.get("/no/such/path"), 404, 404, null);
  }
}
