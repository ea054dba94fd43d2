package io.smartcarpipeline.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.sim.SimHttp.Reply;
import io.smartcarpipeline.sim.api.LoggedRequest;
import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected errors, the app-wide bucket, the request log and the {@code /_sim} endpoints. */
class SimAdminApiTest {

  private static SmartcarApiSim sim;
  private static SimHttp http;
  private String token;

  @BeforeAll
  static void startSim() {
    sim = SmartcarApiSim.start(SimConfig.builder().port(0).seed(11).bucket(0, 0).build());
    http = new SimHttp(sim.baseUrl());
  }

  @AfterAll
  static void stopSim() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.setFaults(FaultRules.none());
    sim.setBucket(0, 0);
    sim.vehicles().add(sim.vehicles().builder("veh-a", "user-a").locked(true).build());
    sim.vehicles().add(sim.vehicles().builder("veh-b", "user-b").locked(true).build());
    token = http.token("client_sim", "sim-secret");
    sim.requests().clear();
  }

  private Reply unlock(String vehicle, String user) {
    return http.command(token, user, vehicle, "security/unlock", null);
  }

  @Test
  void shouldAnswerRateLimitWithRetryAfterWhenEveryRequestIsLimited() {
    sim.setFaults(FaultRules.everywhere(FaultProfile.none().withRateLimit(1.0, 5)));

    Reply reply = unlock("veh-a", "user-a");

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.retryAfter()).contains("5");
    assertThat(reply.json().getString("type")).isEqualTo("RATE_LIMIT");
    assertThat(reply.json().getString("code")).isEqualTo("VEHICLE");
    assertThat(sim.vehicles().require("veh-a").snapshot().locked()).isTrue();
  }

  @Test
  void shouldInjectServerAndUpstreamErrorsPerCommandWithoutChangingState() {
    sim.setFaults(
        FaultRules.none()
            .withCommand("security-unlock", FaultProfile.none().withServerErrors(1.0))
            .withCommand("security-lock", FaultProfile.none().withUpstreamErrors(1.0)));

    Reply unlock = unlock("veh-b", "user-b");
    Reply lock = http.command(token, "user-b", "veh-b", "security/lock", null);
    Reply signals = http.signals(token, "user-b", "veh-b");

    assertThat(unlock.status()).isEqualTo(500);
    assertThat(unlock.json().getString("type")).isEqualTo("SERVER");
    assertThat(unlock.json().getString("code")).isEqualTo("INTERNAL");
    assertThat(lock.status()).isEqualTo(502);
    assertThat(lock.json().getString("type")).isEqualTo("UPSTREAM");
    assertThat(signals.status()).as("signals have no fault configured").isEqualTo(200);
    assertThat(sim.vehicles().require("veh-b").snapshot().locked()).isTrue();
  }

  @Test
  void shouldRunTheCommandButAnswerGatewayTimeoutFor504Faults() {
    sim.setFaults(FaultRules.everywhere(FaultProfile.none().withGatewayTimeouts(1.0)));

    Reply reply = http.command(token, "user-a", "veh-a", "security/lock", null);

    assertThat(reply.status()).isEqualTo(504);
    assertThat(sim.vehicles().require("veh-a").snapshot().locked()).isTrue();
    Reply again = unlock("veh-a", "user-a");
    assertThat(again.status()).isEqualTo(504);
    assertThat(sim.vehicles().require("veh-a").snapshot().locked())
        .as("the unlock ran although the caller saw a 504")
        .isFalse();
  }

  @Test
  void shouldAnswerSmartcarApiRateLimitWhenTheAppBucketIsEmpty() {
    sim.setBucket(3, 2);

    for (int i = 0; i < 3; i++) {
      assertThat(http.signals(token, "user-a", "veh-a").status()).isEqualTo(200);
    }
    Reply fourth = http.signals(token, "user-a", "veh-a");

    assertThat(fourth.status()).isEqualTo(429);
    assertThat(fourth.json().getString("code")).isEqualTo("SMARTCAR_API");
    assertThat(fourth.retryAfter()).isPresent();
    assertThat(Integer.parseInt(fourth.retryAfter().orElseThrow())).isBetween(1, 30);
  }

  @Test
  void shouldCountRequestsPerVehicleAndCommand() {
    unlock("veh-a", "user-a");
    unlock("veh-a", "user-a");
    unlock("veh-b", "user-b");
    http.signals(token, "user-a", "veh-a");

    assertThat(sim.requests().count("veh-a", "security-unlock")).isEqualTo(2);
    assertThat(sim.requests().count("veh-b", null)).isEqualTo(1);
    assertThat(sim.requests().count(null, "signals")).isEqualTo(1);
    LoggedRequest first = sim.requests().find("veh-a", "security-unlock").get(0);
    assertThat(first.userId()).isEqualTo("user-a");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.state()).isEqualTo("ANSWERED");
    assertThat(first.requestId()).isNotBlank();

    JsonArray viaHttp =
        http.get("/_sim/requests?vehicleId=veh-a&command=security-unlock").jsonArray();
    assertThat(viaHttp.size()).isEqualTo(2);
    assertThat(viaHttp.getJsonObject(0).getString("path"))
        .isEqualTo("/v3/vehicles/veh-a/commands/security/unlock");
    assertThat(http.delete("/_sim/requests").status()).isEqualTo(204);
    assertThat(sim.requests().all()).isEmpty();
  }

  @Test
  void shouldChangeFaultsAtRuntimeAndRejectBadFaultBodies() {
    Reply changed =
        http.postJson(
            "/_sim/faults", "{\"defaults\":{\"upstreamShare\":1.0},\"byVehicle\":{\"veh-b\":{}}}");
    Reply bad = http.postJson("/_sim/faults", "{\"defaults\":{\"dropShare\":3}}");

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(unlock("veh-a", "user-a").status()).isEqualTo(502);
    assertThat(unlock("veh-b", "user-b").status()).isEqualTo(200);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonObject("error").getString("code")).isEqualTo("INVALID_FAULTS");
    assertThat(sim.faults().defaults().upstreamShare()).isEqualTo(1.0);
  }

  @Test
  void shouldAddVehiclesThroughTheAdminEndpoint() {
    Reply added =
        http.postJson(
            "/_sim/vehicles",
            "[{\"id\":\"veh-new\",\"userId\":\"user-new\",\"make\":\"TESLA\",\"model\":\"Model Y\","
                + "\"year\":2024,\"hasVirtualKey\":false}]");
    Reply invalid = http.postJson("/_sim/vehicles", "{\"make\":\"BMW\"}");

    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.jsonArray().getJsonObject(0).getBoolean("isTesla")).isTrue();
    assertThat(unlock("veh-new", "user-new").json().getString("code"))
        .isEqualTo("VIRTUAL_KEY_REQUIRED");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(http.get("/_sim/vehicles/veh-new").json().getString("userId")).isEqualTo("user-new");
  }

  @Test
  void shouldAnswerAuthenticationAfterTokensAreRevoked() {
    assertThat(http.postJson("/_sim/tokens/revoke", "{}").status()).isEqualTo(204);

    Reply reply = unlock("veh-a", "user-a");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().getString("type")).isEqualTo("AUTHENTICATION");
  }
}
