package io.smartcarpipeline.localstack.registry;

import static io.smartcarpipeline.localstack.registry.RegistryAssertions.assertError;
import static io.smartcarpipeline.localstack.registry.RegistryAssertions.idOf;
import static io.smartcarpipeline.localstack.registry.RegistryAssertions.newSubject;
import static io.smartcarpipeline.localstack.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry's own compatibility check accepts {@code VehicleEvent}'s {@code source} field (added
 * for fleet-sync's API reads) on top of the schema without it, under FULL compatibility (old
 * readers read new records and new readers old ones), and would refuse the same field without a
 * default.
 */
@ExtendWith(LocalStackExtension.class)
class VehicleEventSourceRegistryIT {

  private RegistryHttp registry;

  @BeforeEach
  void connect(LocalStack stack) {
    registry = new RegistryHttp(stack.schemaRegistryUrl());
  }

  @Test
  void sourceFieldIsAFullyCompatibleNextVersion() {
    // given a FULL subject holding VehicleEvent as it was before the source field
    String subject = newSubject();
    registry.put("/config/" + subject, new JsonObject().put("compatibility", "FULL"));
    idOf(registry.register(subject, withoutSource()));

    // when the current schema is checked and registered
    JsonObject tested =
        registry
            .post(
                "/compatibility/subjects/" + subject + "/versions/latest",
                schemaBody(VehicleEvent.getClassSchema().toString()))
            .object();
    int registered = idOf(registry.register(subject, VehicleEvent.getClassSchema().toString()));

    // then it is accepted as version 2
    assertThat(tested).isEqualTo(new JsonObject().put("is_compatible", true));
    assertThat(registered).isPositive();
    assertThat(registry.get("/subjects/" + subject + "/versions").json())
        .isEqualTo(new JsonArray().add(1).add(2));
  }

  @Test
  void sourceFieldWithoutDefaultWouldBeRefused() {
    // given the same subject, and the field made required (what the default protects against)
    String subject = newSubject();
    registry.put("/config/" + subject, new JsonObject().put("compatibility", "FULL"));
    idOf(registry.register(subject, withoutSource()));
    JsonObject current = new JsonObject(VehicleEvent.getClassSchema().toString());
    current.getJsonArray("fields").stream()
        .map(JsonObject.class::cast)
        .filter(f -> f.getString("name").equals("source"))
        .forEach(f -> f.remove("default"));

    // when / then
    assertError(registry.register(subject, current.encode()), 409, 409, null);
  }

  /** The current schema minus the source field: the released v1 in canonical form. */
  private static String withoutSource() {
    JsonObject schema = new JsonObject(VehicleEvent.getClassSchema().toString());
    JsonArray fields = new JsonArray();
    schema.getJsonArray("fields").stream()
        .map(JsonObject.class::cast)
        .filter(f -> !f.getString("name").equals("source"))
        .forEach(fields::add);
    assertThat(fields.size()).isEqualTo(schema.getJsonArray("fields").size() - 1);
    return schema.put("fields", fields).encode();
  }
}
