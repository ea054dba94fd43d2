package io.smartcarpipeline.localstack.registry;

import static io.smartcarpipeline.localstack.registry.RegistryAssertions.idOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry keeps its state in its Kafka topic: a new server on the same broker and topic
 * answers what the previous one registered. Each test uses an own topic (and so an own registry
 * state) on the shared broker.
 */
@ExtendWith(LocalStackExtension.class)
class SchemaRegistryPersistenceIT {

  @Test
  void idsVersionsAndConfigSurviveARestartAndNewIdsContinueTheSequence(LocalStack stack) {
    // given
    String topic = "_schemas_restart_it";
    int vehicleId;
    int chargerId;
    try (SchemaRegistryServer first = startRegistry(stack, topic)) {
      RegistryHttp http = new RegistryHttp(first.url());
      vehicleId = idOf(http.register("vehicles-value", Vehicles.V1));
      idOf(http.register("vehicles-value", Vehicles.V2_OPTIONAL_FIELD));
      chargerId = idOf(http.register("chargers-value", Vehicles.OTHER));
      http.put("/config/chargers-value", new JsonObject().put("compatibility", "NONE"));
    }

    // when
    try (SchemaRegistryServer second = startRegistry(stack, topic)) {
      RegistryHttp http = new RegistryHttp(second.url());

      // then
      assertThat(http.get("/subjects").json())
          .isEqualTo(new JsonArray().add("chargers-value").add("vehicles-value"));
      assertThat(http.get("/subjects/vehicles-value/versions").json())
          .isEqualTo(new JsonArray().add(1).add(2));
      assertThat(http.get("/subjects/vehicles-value/versions/1").object().getInteger("id"))
          .isEqualTo(vehicleId);
      assertThat(http.get("/schemas/ids/" + chargerId).status()).isEqualTo(200);
      assertThat(http.get("/config/chargers-value").object().getString("compatibilityLevel"))
          .isEqualTo("NONE");
      assertThat(idOf(http.register("vehicles-value", Vehicles.V1))).isEqualTo(vehicleId);
      assertThat(idOf(http.register("trips-value", Vehicles.V2_REQUIRED_FIELD)))
          .isEqualTo(chargerId + 1);
    }
  }

  @Test
  void globalCompatibilityIsBackwardByDefaultAndCanBeChanged(LocalStack stack) {
    // given
    try (SchemaRegistryServer registry = startRegistry(stack, "_schemas_global_config_it")) {
      RegistryHttp http = new RegistryHttp(registry.url());
      JsonObject before = http.get("/config").object();

      // when
      RegistryHttp.Answer set = http.put("/config", new JsonObject().put("compatibility", "FULL"));

      // then
      assertThat(before).isEqualTo(new JsonObject().put("compatibilityLevel", "BACKWARD"));
      assertThat(set.status()).isEqualTo(200);
      assertThat(set.object()).isEqualTo(new JsonObject().put("compatibility", "FULL"));
      assertThat(http.get("/config").object())
          .isEqualTo(new JsonObject().put("compatibilityLevel", "FULL"));
    }
  }

  private static SchemaRegistryServer startRegistry(LocalStack stack, String topic) {
    return SchemaRegistryServer.start(null, stack.bootstrapServers(), 0, topic)
        .toCompletionStage()
        .toCompletableFuture()
        .join();
  }
}
