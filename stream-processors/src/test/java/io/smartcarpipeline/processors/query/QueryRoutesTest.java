package io.smartcarpipeline.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.EnergySource;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.events.VehicleInfo;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryRoutesTest {

  private static final Instant T = Instant.parse("2025-11-18T08:00:00Z");
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeModel model = new FakeModel();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    Router router = Router.router(vertx);
    HttpErrors.installDefaults(router);
    new QueryRoutes(vertx, model).mount(router);
    server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswer404WithErrorShapeForUnknownVehicle() throws Exception {
    HttpResponse<String> r = get("/vehicles/unknown/charging-sessions");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code"))
        .isEqualTo("VEHICLE_NOT_FOUND");
  }

  @Test
  void shouldRejectBadLimitWith400() throws Exception {
    model.states.add(state("v1"));

    HttpResponse<String> r = get("/vehicles/v1/charging-sessions?limit=zero");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code"))
        .isEqualTo("INVALID_LIMIT");
  }

  @Test
  void shouldReturnStateAsJsonWithIsoTimes() throws Exception {
    model.states.add(state("v1"));

    JsonObject body = new JsonObject(get("/vehicles/v1/state").body());

    assertThat(body.getString("vehicleId")).isEqualTo("v1");
    assertThat(body.getString("updatedAt")).isEqualTo(T.toString());
    assertThat(body.getJsonObject("vehicle").getString("make")).isEqualTo("TESLA");
  }

  @Test
  void shouldPageVehicleIdsWithCursor() throws Exception {
    model.states.addAll(List.of(state("a"), state("b"), state("c")));

    JsonObject page = new JsonObject(get("/vehicles?limit=2").body());
    JsonObject rest =
        new JsonObject(get("/vehicles?limit=2&after=" + page.getString("next")).body());

    assertThat(page.getJsonArray("vehicles").getList()).containsExactly("a", "b");
    assertThat(rest.getJsonArray("vehicles").getList()).containsExactly("c");
    assertThat(rest.getString("next")).isNull();
  }

  @Test
  void shouldAnswer503WhenStoresAreNotReady() throws Exception {
    model.ready = false;

    assertThat(get("/vehicles/v1/state").statusCode()).isEqualTo(503);
  }

  private static VehicleState state(String id) {
    return VehicleState.newBuilder()
        .setVehicleId(id)
        .setVehicle(new VehicleInfo("TESLA", "Model 3", 2020))
        .setUpdatedAt(T)
        .build();
  }

  /** A read model in memory. */
  private static final class FakeModel implements VehicleReadModel {
    final List<VehicleState> states = new ArrayList<>();
    boolean ready = true;

    @Override
    public Optional<VehicleState> state(String vehicleId) {
      check();
      return states.stream().filter(s -> s.getVehicleId().equals(vehicleId)).findFirst();
    }

    @Override
    public List<String> vehicleIds(String after, int limit) {
      check();
      return states.stream()
          .map(VehicleState::getVehicleId)
          .filter(id -> after == null || id.compareTo(after) > 0)
          .sorted()
          .limit(limit)
          .toList();
    }

    @Override
    public List<ChargingSession> sessions(String vehicleId, int limit) {
      check();
      return List.of(
          ChargingSession.newBuilder()
              .setSessionId(vehicleId + ":1")
              .setVehicleId(vehicleId)
              .setStatus(SessionStatus.ACTIVE)
              .setRevision(1)
              .setStartedAt(T)
              .setEnergySource(EnergySource.UNKNOWN)
              .setUpdatedAt(T)
              .build());
    }

    @Override
    public Optional<String> remoteOwner(String vehicleId) {
      return Optional.empty();
    }

    private void check() {
      if (!ready) {
        throw new NotReadyException("restoring", null);
      }
    }
  }
}
