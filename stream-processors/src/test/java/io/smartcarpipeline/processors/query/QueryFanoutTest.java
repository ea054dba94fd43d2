package io.smartcarpipeline.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two query API instances over real HTTP, each with its own in-memory read model hosting some of
 * the vehicles, pointed at each other as peers: answers must be those of one instance hosting all.
 */
class QueryFanoutTest {

  private static final Instant T = Instant.parse("2025-11-18T08:00:00Z");
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeReadModel left = new FakeReadModel(T);
  private final FakeReadModel right = new FakeReadModel(T);
  private int leftPort;
  private int rightPort;

  @BeforeEach
  void start() throws Exception {
    leftPort = serve(left);
    rightPort = serve(right);
    left.peers.add("localhost:" + rightPort);
    right.peers.add("localhost:" + leftPort);
    left.states.add(state("a"));
    left.states.add(state("c"));
    right.states.add(state("b"));
    right.states.add(state("d"));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void vehicleListPagesThroughEveryInstancesVehiclesInOrder() throws Exception {
    JsonObject first = json(leftPort, "/vehicles?limit=3");
    JsonObject rest = json(rightPort, "/vehicles?limit=3&after=" + first.getString("next"));

    assertThat(first.getJsonArray("vehicles").getList()).containsExactly("a", "b", "c");
    assertThat(rest.getJsonArray("vehicles").getList()).containsExactly("d");
    assertThat(rest.getString("next")).isNull();
    assertThat(first.getJsonObject("instances").getInteger("answered")).isEqualTo(2);
  }

  @Test
  void requestFromAPeerIsAnsweredFromLocalStoresOnly() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + leftPort + "/vehicles"))
                .header(Peers.FORWARDED_HEADER, "1")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(new JsonObject(r.body()).getJsonArray("vehicles").getList())
        .containsExactly("a", "c");
  }

  @Test
  void vehicleHostedElsewhereIsForwardedToItsOwner() throws Exception {
    left.owners.put("b", "localhost:" + rightPort);

    JsonObject state = json(leftPort, "/vehicles/b/state");

    assertThat(state.getString("vehicleId")).isEqualTo("b");
  }

  @Test
  void ownerThatDoesNotAnswerIsA502() throws Exception {
    left.owners.put("b", "localhost:" + closedPort());

    HttpResponse<String> r = get(leftPort, "/vehicles/b/state");

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code"))
        .isEqualTo("FORWARD_FAILED");
  }

  @Test
  void fleetViewAddsUpEveryInstance() throws Exception {
    left.commands.add(command("c1", "a", T.plusSeconds(1)));
    right.commands.add(command("c2", "b", T.plusSeconds(2)));

    JsonObject fleet = json(rightPort, "/fleet?commands=1");

    assertThat(fleet.getJsonObject("totals").getInteger("vehicles")).isEqualTo(4);
    assertThat(fleet.getJsonObject("totals").getInteger("commands")).isEqualTo(2);
    assertThat(fleet.getJsonObject("totals").getDouble("energyKwh")).isEqualTo(50.0);
    assertThat(
            fleet.getJsonArray("vehicles").stream()
                .map(v -> ((JsonObject) v).getString("vehicleId")))
        .containsExactly("a", "b", "c", "d");
    assertThat(fleet.getJsonArray("commands")).hasSize(1);
    assertThat(fleet.getJsonArray("commands").getJsonObject(0).getString("commandId"))
        .isEqualTo("c2");
  }

  @Test
  void newestCommandsAreMergedAcrossInstances() throws Exception {
    left.commands.add(command("old", "a", T));
    left.commands.add(command("newest", "c", T.plusSeconds(9)));
    right.commands.add(command("middle", "b", T.plusSeconds(5)));

    JsonObject commands = json(leftPort, "/commands?limit=2");

    assertThat(
            commands.getJsonArray("commands").stream()
                .map(c -> ((JsonObject) c).getString("commandId")))
        .containsExactly("newest", "middle");
  }

  @Test
  void unreachablePeerIsNamedAndTheRestIsStillAnswered() throws Exception {
    String gone = "localhost:" + closedPort();
    left.peers.set(0, gone);

    HttpResponse<String> r = get(leftPort, "/fleet");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject fleet = new JsonObject(r.body());
    assertThat(fleet.getJsonObject("totals").getInteger("vehicles")).isEqualTo(2);
    assertThat(fleet.getJsonObject("instances").getInteger("answered")).isEqualTo(1);
    assertThat(fleet.getJsonObject("instances").getJsonArray("unreachable").getList())
        .containsExactly(gone);
  }

  private int serve(FakeReadModel model) throws Exception {
    Router router = Router.router(vertx);
    HttpErrors.installDefaults(router);
    new QueryRoutes(vertx, model).mount(router);
    new FleetRoutes(vertx, model, Duration.ofSeconds(1), Clock.fixed(T, ZoneOffset.UTC))
        .mount(router);
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(0)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .actualPort();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject json(int port, String path) throws Exception {
    HttpResponse<String> r = get(port, path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  private static VehicleState state(String id) {
    return FakeReadModel.state(id, T);
  }

  private static CommandResult command(String id, String vehicleId, Instant completedAt) {
    return CommandResult.newBuilder()
        .setCommandId(id)
        .setVehicleId(vehicleId)
        .setType(CommandType.LOCK)
        .setStatus(CommandStatus.SUCCEEDED)
        .setAttempts(1)
        .setRequestedAt(completedAt.minusSeconds(1))
        .setCompletedAt(completedAt)
        .build();
  }
}
