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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Compatibility checks and configuration over real HTTP, against the shared local stack. */
@ExtendWith(LocalStackExtension.class)
class SchemaRegistryCompatibilityIT {

  private RegistryHttp registry;

  @BeforeEach
  void connect(LocalStack stack) {
    registry = new RegistryHttp(stack.schemaRegistryUrl());
  }

  @Test
  void addingARequiredFieldIsBackwardIncompatibleAndRejectedWith409() {
    // given
    String subject = newSubject();
    registry.register(subject, Vehicles.V1);

    // when
    Answer registered = registry.register(subject, Vehicles.V2_REQUIRED_FIELD);
    Answer tested =
        registry.post(
            "/compatibility/subjects/" + subject + "/versions/latest",
            schemaBody(Vehicles.V2_REQUIRED_FIELD));

    // then
    assertError(registered, 409, 409, null);
    assertThat(registered.object().getString("message"))
        .startsWith("Schema being registered is incompatible with an earlier schema for subject");
    assertThat(tested.object()).isEqualTo(new JsonObject().put("is_compatible", false));
    assertThat(registry.get("/subjects/" + subject + "/versions").json())
        .isEqualTo(new JsonArray().add(1));
  }

  @Test
  void addingAnOptionalFieldWithDefaultBecomesTheNextVersion() {
    // given
    String subject = newSubject();
    int first = idOf(registry.register(subject, Vehicles.V1));

    // when
    JsonObject tested =
        registry
            .post(
                "/compatibility/subjects/" + subject + "/versions/1",
                schemaBody(Vehicles.V2_OPTIONAL_FIELD))
            .object();
    int second = idOf(registry.register(subject, Vehicles.V2_OPTIONAL_FIELD));

    // then
    assertThat(tested).isEqualTo(new JsonObject().put("is_compatible", true));
    assertThat(second).isGreaterThan(first);
    assertThat(registry.get("/subjects/" + subject + "/versions").json())
        .isEqualTo(new JsonArray().add(1).add(2));
  }

  @Test
  void removingARequiredFieldIsBackwardButNotForwardCompatible() {
    // given
    String backward = newSubject();
    String forward = newSubject();
    registry.put("/config/" + forward, new JsonObject().put("compatibility", "FORWARD"));
    registry.register(backward, Vehicles.V2_REQUIRED_FIELD);
    registry.register(forward, Vehicles.V2_REQUIRED_FIELD);

    // when
    Answer underBackward = registry.register(backward, Vehicles.V1);
    Answer underForward = registry.register(forward, Vehicles.V1);

    // then
    assertThat(underBackward.status()).isEqualTo(200);
    assertError(underForward, 409, 409, null);
  }

  @Test
  void subjectLevelConfigIsSetAndReadBack() {
    // given
    String subject = newSubject();

    // when
    Answer set = registry.put("/config/" + subject, new JsonObject().put("compatibility", "FULL"));

    // then
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.object()).isEqualTo(new JsonObject().put("compatibility", "FULL"));
    assertThat(registry.get("/config/" + subject).object())
        .isEqualTo(new JsonObject().put("compatibilityLevel", "FULL"));
  }

  @Test
  void subjectWithoutOwnConfigIsError40408UnlessDefaultingToGlobal() {
    // given
    String subject = newSubject();

    // then
    assertError(registry.get("/config/" + subject), 404, 40408, null);
    assertThat(registry.get("/config/" + subject + "?defaultToGlobal=true").object().getMap())
        .containsKey("compatibilityLevel");
  }

  @Test
  void unknownCompatibilityLevelIsError42203() {
    assertError(
        registry.put("/config/" + newSubject(), new JsonObject().put("compatibility", "SIDEWAYS")),
        422,
        42203,
        null);
  }
}
