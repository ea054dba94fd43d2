package io.smartcarpipeline.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.sim.SimHttp.Reply;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.sim.vehicle.SimVehicleBuilder;
import io.smartcarpipeline.support.testing.MutableClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in over real HTTP: token flow, the six commands, vehicle errors and signals. */
class SmartcarApiSimTest {

  private static final MutableClock CLOCK = MutableClock.at("2026-03-01T10:00:00Z");
  private static final AtomicInteger IDS = new AtomicInteger();
  private static SmartcarApiSim sim;
  private static SimHttp http;
  private String token;

  @BeforeAll
  static void startSim() {
    sim =
        SmartcarApiSim.start(
            SimConfig.builder()
                .port(0)
                .credentials("client_test", "secret_test")
                .bucket(0, 0)
                .clock(CLOCK)
                .build());
    http = new SimHttp(sim.baseUrl());
  }

  @AfterAll
  static void stopSim() {
    sim.close();
  }

  @BeforeEach
  void freshToken() {
    sim.setFaults(FaultRules.none());
    token = http.token("client_test", "secret_test");
  }

  /** A new vehicle with a unique id, connected for user "u-" + id. */
  private static String addVehicle(java.util.function.UnaryOperator<SimVehicleBuilder> setup) {
    String id = "veh-" + IDS.incrementAndGet();
    sim.vehicles().add(setup.apply(sim.vehicles().builder(id, "u-" + id)).build());
    return id;
  }

  private Reply command(String vehicleId, String path, String body) {
    return http.command(token, "u-" + vehicleId, vehicleId, path, body);
  }

  private static void assertEnvelope(Reply reply, int status, String type, String code) {
    JsonObject body = reply.json();
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(body.getString("type")).isEqualTo(type);
    assertThat(body.getString("code")).isEqualTo(code);
    assertThat(body.getInteger("statusCode")).isEqualTo(status);
    assertThat(body.getString("requestId")).isEqualTo(reply.requestId());
    assertThat(body.getString("description")).isNotBlank();
    assertThat(body.getString("docURL")).startsWith("https://smartcar.com/docs/errors/");
    assertThat(body.getString("suggestedUserMessage")).isNotBlank();
    assertThat(body.getJsonObject("resolution")).isNotNull();
  }

  @Test
  void shouldIssueABearerTokenForFormJsonAndBasicCredentials() {
    Reply form =
        http.form("grant_type=client_credentials&client_id=client_test&client_secret=secret_test");
    Reply json =
        http.tokenJson(
            "{\"grant_type\":\"client_credentials\",\"client_id\":\"client_test\",\"client_secret\":\"secret_test\"}");
    Reply basic = http.tokenBasic("client_test", "secret_test");

    for (Reply reply : new Reply[] {form, json, basic}) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.json().getString("token_type")).isEqualTo("Bearer");
      assertThat(reply.json().getInteger("expires_in")).isEqualTo(3600);
      assertThat(reply.json().getString("access_token")).isNotBlank();
    }
  }

  @Test
  void shouldRefuseBadCredentialsAndMissingGrantType() {
    Reply badSecret =
        http.form("grant_type=client_credentials&client_id=client_test&client_secret=nope");
    Reply noGrant = http.form("client_id=client_test&client_secret=secret_test");

    assertThat(badSecret.status()).isEqualTo(401);
    assertThat(badSecret.json().getString("error")).isEqualTo("invalid_client");
    assertThat(badSecret.json().getString("error_description")).isNotBlank();
    assertThat(noGrant.status()).isEqualTo(400);
    assertThat(noGrant.json().getString("error")).isEqualTo("invalid_request");
  }

  @Test
  void shouldAnswerAuthenticationForMissingUnknownAndExpiredTokens() {
    String v = addVehicle(b -> b);
    Reply missing = http.command(null, "u-" + v, v, "security/lock", null);
    Reply unknown = http.command("sim_forged", "u-" + v, v, "security/lock", null);
    String shortLived = token;
    CLOCK.advance(Duration.ofHours(1));
    Reply expired = http.command(shortLived, "u-" + v, v, "security/lock", null);

    assertEnvelope(missing, 401, "AUTHENTICATION", null);
    assertEnvelope(unknown, 401, "AUTHENTICATION", null);
    assertEnvelope(expired, 401, "AUTHENTICATION", null);
    assertThat(sim.vehicles().require(v).snapshot().locked()).isTrue();
  }

  @Test
  void shouldRequireTheUserHeaderAndTheVehiclesOwnUser() {
    String v = addVehicle(b -> b.locked(true));

    Reply noUser = http.command(token, null, v, "security/unlock", null);
    Reply otherUser = http.command(token, "someone-else", v, "security/unlock", null);
    Reply unknownVehicle = http.command(token, "u-" + v, "veh-missing", "security/unlock", null);

    assertEnvelope(noUser, 400, "VALIDATION", null);
    assertEnvelope(otherUser, 403, "PERMISSION", null);
    assertEnvelope(unknownVehicle, 404, "RESOURCE_NOT_FOUND", "PATH");
    assertThat(sim.vehicles().require(v).snapshot().locked()).isTrue();
  }

  @Test
  void shouldExecuteEachCommandAndAnswerCommandExecution() {
    String v = addVehicle(b -> b.pluggedIn(true).soc(40).chargeLimit(80).locked(true));
    Map<String, String> expected = new HashMap<>();

    expected.put("charge/start", command(v, "charge/start", null).body());
    expected.put("charge/stop", command(v, "charge/stop", null).body());
    expected.put(
        "charge/set-limit",
        command(v, "charge/set-limit", "{\"data\":{\"attributes\":{\"percent\":90}}}").body());
    expected.put("security/unlock", command(v, "security/unlock", null).body());
    expected.put("security/lock", command(v, "security/lock", null).body());
    expected.put(
        "navigation/set-destination",
        command(
                v,
                "navigation/set-destination",
                "{\"data\":{\"attributes\":{\"latitude\":52.52,\"longitude\":13.405}}}")
            .body());

    expected.forEach(
        (path, body) -> {
          JsonObject data = new JsonObject(body).getJsonObject("data");
          assertThat(data.getString("type")).as(path).isEqualTo("command-execution");
          assertThat(data.getString("id")).startsWith("exec_");
          JsonObject attributes = data.getJsonObject("attributes");
          assertThat(attributes.getString("commandType")).isEqualTo(path.replace('/', '-'));
          assertThat(attributes.getJsonObject("status").getString("value")).isEqualTo("SUCCESS");
          assertThat(attributes.getString("executionMode")).isEqualTo("sync");
          assertThat(data.getJsonObject("meta").getString("executedAt")).isNotBlank();
          assertThat(data.getJsonObject("meta").getString("completedAt")).isNotBlank();
        });
    assertThat(
            new JsonObject(expected.get("charge/set-limit"))
                .getJsonObject("data")
                .getJsonObject("attributes")
                .getJsonObject("parameters")
                .getInteger("percent"))
        .isEqualTo(90);
  }

  @Test
  void shouldShowCommandEffectsInSignals() {
    String v = addVehicle(b -> b.pluggedIn(true).soc(40).chargeLimit(80).locked(true));
    command(v, "charge/start", null);
    command(v, "security/unlock", null);
    command(v, "charge/set-limit", "{\"data\":{\"attributes\":{\"percent\":95}}}");
    command(
        v,
        "navigation/set-destination",
        "{\"data\":{\"attributes\":{\"latitude\":52.5,\"longitude\":13.4}}}");

    Reply reply = http.signals(token, "u-" + v, v);

    assertThat(reply.status()).isEqualTo(200);
    Map<String, JsonObject> bodies = new HashMap<>();
    JsonArray data = reply.json().getJsonArray("data");
    for (int i = 0; i < data.size(); i++) {
      JsonObject signal = data.getJsonObject(i);
      assertThat(signal.getString("type")).isEqualTo("signal");
      bodies.put(signal.getString("id"), signal.getJsonObject("attributes").getJsonObject("body"));
    }
    assertThat(bodies.get("charge-ischarging").getBoolean("value")).isTrue();
    assertThat(bodies.get("charge-detailedchargingstatus").getString("value"))
        .isEqualTo("CHARGING");
    assertThat(bodies.get("closure-islocked").getBoolean("value")).isFalse();
    assertThat(bodies.get("charge-chargelimits").getInteger("activeLimit")).isEqualTo(95);
    assertThat(bodies.get("tractionbattery-stateofcharge").getInteger("value")).isEqualTo(40);
    assertThat(bodies.get("navigation-destination").getDouble("latitude")).isEqualTo(52.5);
    assertThat(reply.json().getJsonObject("included").getJsonObject("vehicle").getString("id"))
        .isEqualTo(v);
    assertThat(reply.json().getJsonObject("meta").getInteger("totalCount")).isEqualTo(data.size());
  }

  @Test
  void shouldAnswerVehicleStateErrorsWhenTheCommandMakesNoSense() {
    String charging = addVehicle(b -> b.charging(true));
    String idle = addVehicle(b -> b.charging(false));
    String unplugged = addVehicle(b -> b.pluggedIn(false));
    String full = addVehicle(b -> b.soc(80).chargeLimit(80));

    assertEnvelope(
        command(charging, "charge/start", null), 409, "VEHICLE_STATE", "CHARGING_IN_PROGRESS");
    assertEnvelope(command(idle, "charge/stop", null), 409, "VEHICLE_STATE", "NOT_CHARGING");
    assertEnvelope(
        command(unplugged, "charge/start", null),
        409,
        "VEHICLE_STATE",
        "CHARGING_PLUG_NOT_CONNECTED");
    assertEnvelope(
        command(unplugged, "charge/set-limit", "{\"data\":{\"attributes\":{\"percent\":70}}}"),
        409,
        "VEHICLE_STATE",
        "CHARGING_PLUG_NOT_CONNECTED");
    assertEnvelope(command(full, "charge/start", null), 409, "VEHICLE_STATE", "FULLY_CHARGED");
  }

  @Test
  void shouldRequireTheVirtualKeyOnATesla() {
    String tesla = addVehicle(b -> b.tesla(false).locked(true));

    Reply reply = command(tesla, "security/unlock", null);

    assertEnvelope(reply, 400, "CONNECTED_SERVICES_ACCOUNT", "VIRTUAL_KEY_REQUIRED");
    assertThat(sim.vehicles().require(tesla).snapshot().locked()).isTrue();
  }

  @Test
  void shouldAnswerAsleepThenWakeAfterTheConfiguredAttempts() {
    String sleepy = addVehicle(b -> b.asleep(1).locked(true));

    Reply first = command(sleepy, "security/unlock", null);
    Reply second = command(sleepy, "security/unlock", null);

    assertEnvelope(first, 409, "VEHICLE_STATE", "ASLEEP");
    assertThat(first.json().getJsonObject("resolution").getString("type")).isEqualTo("RETRY_LATER");
    assertThat(second.status()).isEqualTo(200);
    assertThat(sim.vehicles().require(sleepy).snapshot().locked()).isFalse();
  }

  @Test
  void shouldValidateCommandBodies() {
    String v = addVehicle(b -> b);

    Reply tooLow = command(v, "charge/set-limit", "{\"data\":{\"attributes\":{\"percent\":40}}}");
    Reply notJson = command(v, "charge/set-limit", "percent=80");
    Reply badLatitude =
        command(
            v,
            "navigation/set-destination",
            "{\"data\":{\"attributes\":{\"latitude\":91,\"longitude\":0}}}");

    assertEnvelope(tooLow, 400, "VALIDATION", null);
    assertThat(tooLow.json().getJsonArray("detail").getString(0)).contains("percent");
    assertEnvelope(notJson, 400, "VALIDATION", null);
    assertEnvelope(badLatitude, 400, "VALIDATION", null);
    assertThat(sim.vehicles().require(v).snapshot().chargeLimit()).isEqualTo(80);
  }

  @Test
  void shouldAnswerUnknownV3PathsWithNotFoundEnvelope() {
    String v = addVehicle(b -> b);

    Reply reply = command(v, "charge-port/open", null);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().getString("type")).isEqualTo("RESOURCE_NOT_FOUND");
  }
}
