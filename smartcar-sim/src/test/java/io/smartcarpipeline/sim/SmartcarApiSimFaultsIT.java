package io.smartcarpipeline.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.sim.api.LoggedRequest;
import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults that take wall time or break connections: long-running 202, drops, latency, seeds. */
class SmartcarApiSimFaultsIT {

  private SmartcarApiSim sim;
  private SimHttp http;
  private String token;

  @BeforeEach
  void startSim() {
    sim = SmartcarApiSim.start(SimConfig.builder().port(0).seed(5).bucket(0, 0).build());
    http = new SimHttp(sim.baseUrl());
    token = http.token("client_sim", "sim-secret");
    sim.vehicles().add(sim.vehicles().builder("veh-1", "user-1").locked(true).build());
  }

  @AfterEach
  void stopSim() {
    sim.close();
  }

  private HttpRequest.Builder command(String path) {
    return SimHttp.withAuth(
        http.request("/v3/vehicles/veh-1/commands/" + path)
            .POST(HttpRequest.BodyPublishers.noBody()),
        token,
        "user-1");
  }

  @Test
  void shouldSendLongRunningHeadersFirstThenStreamTheFinalBody() throws Exception {
    sim.setFaults(
        FaultRules.none()
            .withCommand("security-unlock", FaultProfile.none().withLongRunning(1.0, 2_000)));

    HttpResponse<InputStream> response =
        http.client()
            .send(command("security/unlock").build(), HttpResponse.BodyHandlers.ofInputStream());
    boolean lockedWhileHeld = sim.vehicles().require("veh-1").snapshot().locked();
    String stateWhileHeld = sim.requests().find("veh-1", "security-unlock").get(0).state();
    String body;
    try (InputStream in = response.body()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    assertThat(response.headers().firstValue("Transfer-Encoding")).contains("chunked");
    assertThat(lockedWhileHeld).as("command runs when the hold ends").isTrue();
    assertThat(stateWhileHeld).isEqualTo("IN_FLIGHT");
    JsonObject attributes = new JsonObject(body).getJsonObject("data").getJsonObject("attributes");
    assertThat(attributes.getJsonObject("status").getString("value")).isEqualTo("SUCCESS");
    assertThat(attributes.getString("commandType")).isEqualTo("security-unlock");
    assertThat(sim.vehicles().require("veh-1").snapshot().locked()).isFalse();
  }

  @Test
  void shouldStreamAnErrorBodyWhoseStatusDiffersFromThe202() {
    sim.setFaults(FaultRules.everywhere(FaultProfile.none().withLongRunning(1.0, 100)));

    SimHttp.Reply reply = http.send(command("charge/stop"));

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().getString("code")).isEqualTo("NOT_CHARGING");
    assertThat(reply.json().getInteger("statusCode")).isEqualTo(409);
    assertThat(reply.json().getString("requestId")).isEqualTo(reply.requestId());
  }

  @Test
  void shouldCloseTheConnectionWithoutAnswerAndLeaveTheVehicleUnchanged() {
    sim.setFaults(FaultRules.everywhere(FaultProfile.none().withDrops(1.0)));

    assertThatThrownBy(
            () ->
                http.client()
                    .send(command("security/unlock").build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);

    LoggedRequest logged = sim.requests().find("veh-1", "security-unlock").get(0);
    assertThat(logged.state()).isEqualTo("DROPPED");
    assertThat(logged.status()).isZero();
    assertThat(sim.vehicles().require("veh-1").snapshot().locked()).isTrue();
  }

  @Test
  void shouldDelayAnswersByTheConfiguredLatency() {
    sim.setFaults(FaultRules.everywhere(FaultProfile.none().withLatency(400, 400)));

    long start = System.nanoTime();
    SimHttp.Reply reply = http.signals(token, "user-1", "veh-1");
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(reply.status()).isEqualTo(200);
    assertThat(elapsedMs).isGreaterThanOrEqualTo(400);
  }

  @Test
  void shouldAnswerTheSameFaultSequenceForTheSameSeed() {
    FaultProfile half = FaultProfile.none().withRateLimit(0.3, 2).withServerErrors(0.3);
    sim.setFaults(FaultRules.everywhere(half));
    List<Integer> first = statuses(http, token, 30);
    sim.close();
    sim =
        SmartcarApiSim.start(SimConfig.builder().port(0).seed(5).bucket(0, 0).faults(half).build());
    http = new SimHttp(sim.baseUrl());
    sim.vehicles().add(sim.vehicles().builder("veh-1", "user-1").build());

    List<Integer> second = statuses(http, http.token("client_sim", "sim-secret"), 30);

    assertThat(second).isEqualTo(first);
    assertThat(first).contains(200, 429, 500);
  }

  private static List<Integer> statuses(SimHttp http, String token, int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(http.command(token, "user-1", "veh-1", "security/lock", null).status());
    }
    return out;
  }
}
