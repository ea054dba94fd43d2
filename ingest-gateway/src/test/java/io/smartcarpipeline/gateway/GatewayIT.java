package io.smartcarpipeline.gateway;

import static io.smartcarpipeline.gateway.GatewayClient.errorCode;
import static io.smartcarpipeline.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.gateway.normalise.EventRendering;
import io.smartcarpipeline.gateway.normalise.VehicleEventMapper;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.support.config.Settings;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway over real HTTP against the embedded broker and registry. */
@ExtendWith(LocalStackExtension.class)
class GatewayIT {

  private static final String TOKEN = "it-management-token";
  private static final String OLD_TOKEN = "it-previous-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> FIXTURES = Fixtures.VEHICLE_EVENTS;

  private static RunningGateway gateway;
  private static GatewayClient client;

  @BeforeAll
  static void startGateway(LocalStack stack) {
    Map<String, String> settings = RunningGateway.settings(stack, TOKEN);
    settings.put(GatewayConfig.MANAGEMENT_TOKEN_PREVIOUS, OLD_TOKEN);
    gateway = RunningGateway.start(stack, Settings.of(settings));
    client = gateway.client();
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
  }

  @BeforeEach
  void markTopics() {
    gateway.markTopics();
  }

  @ParameterizedTest
  @FieldSource("FIXTURES")
  void everySignedFixtureIsAcceptedAndWrittenAsExactlyTheExpectedEvent(String fixture)
      throws Exception {
    // given a real webhook body, signed as Smartcar signs it
    byte[] body = Fixtures.bytes(fixture);

    // when it is delivered
    HttpResponse<String> response = client.deliver(body, hmacHex(TOKEN, body));

    // then 200 with its eventId, and exactly that event is on the topic, keyed by vehicle
    JsonNode root = JSON.readTree(body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).getString("status")).isEqualTo("accepted");
    assertThat(json(response).getString("eventId")).isEqualTo(root.get("eventId").asText());
    List<ConsumerRecord<String, VehicleEvent>> written = gateway.newEvents();
    assertThat(written).hasSize(1);
    VehicleEvent actual = written.get(0).value();
    VehicleEvent expected =
        VehicleEventMapper.map(
            root,
            VehicleEventMapper.eventType(root.get("eventType").asText()).orElseThrow(),
            new String(body, StandardCharsets.UTF_8),
            SignatureCheck.CURRENT_KEY,
            actual.getReceivedAt());
    // field by field: Avro's equals() fails on deserialized arrays of records with timestamps
    assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    assertThat(EventRendering.lines(actual))
        .containsExactlyElementsOf(EventRendering.expected(fixture));
    assertThat(written.get(0).key())
        .isEqualTo(root.path("data").path("vehicle").path("id").asText());
    assertThat(actual.getSignals()).hasSize(root.path("data").path("signals").size());
    assertThat(gateway.newDeadLetters()).isEmpty();
  }

  @Test
  void signedBodyDeclaredAsAFormIsStillReadAsRawBytes() {
    // curl's default content type must not make the gateway decode the JSON as a form
    byte[] body = Fixtures.bytes("jaguar_ipace_all.json");

    HttpResponse<String> response =
        client.deliver(body, hmacHex(TOKEN, body), "application/x-www-form-urlencoded");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(gateway.newEvents()).hasSize(1);
  }

  @Test
  void deliverySignedWithThePreviousTokenIsAcceptedDuringRotation() {
    byte[] body = Fixtures.bytes("vw_id_4_fuel.json");

    HttpResponse<String> response = client.deliver(body, hmacHex(OLD_TOKEN, body));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(gateway.newEvents())
        .singleElement()
        .satisfies(
            r -> assertThat(r.value().getSignature()).isEqualTo(SignatureCheck.PREVIOUS_KEY));
  }

  @Test
  void verifyFixtureIsAnsweredWithTheChallengeHmacAndWritesNothing() {
    byte[] body = Fixtures.bytes(Fixtures.VERIFY);

    HttpResponse<String> unsigned = client.deliver(body, null);
    HttpResponse<String> signed = client.deliver(body, hmacHex(TOKEN, body));

    for (HttpResponse<String> response : List.of(unsigned, signed)) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      assertThat(json(response).getString("challenge"))
          .isEqualTo(hmacHex(TOKEN, "any-abcd".getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(gateway.newEvents()).isEmpty();
    assertThat(gateway.newDeadLetters()).isEmpty();
  }

  @Test
  void verifyWithAWrongSignatureIsRejected() {
    byte[] body = Fixtures.bytes(Fixtures.VERIFY);

    HttpResponse<String> response = client.deliver(body, hmacHex("not-our-token", body));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(errorCode(response)).isEqualTo("INVALID_SIGNATURE");
  }

  @Test
  void tamperedBodyIsRejectedAndNothingIsWritten() {
    byte[] body = Fixtures.bytes("jaguar_ipace_all.json");
    String signature = hmacHex(TOKEN, body);
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("\"value\": 54", "\"value\": 99")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(tampered).isNotEqualTo(body);

    HttpResponse<String> response = client.deliver(tampered, signature);

    assertUnauthorizedAndNothingWritten(response, "INVALID_SIGNATURE");
  }

  @Test
  void wrongKeyIsRejectedAndNothingIsWritten() {
    byte[] body = Fixtures.bytes("byd_seal_all.json");

    assertUnauthorizedAndNothingWritten(
        client.deliver(body, hmacHex("someone-else", body)), "INVALID_SIGNATURE");
  }

  @Test
  void missingSignatureIsRejectedAndNothingIsWritten() {
    byte[] body = Fixtures.bytes("byd_seal_all.json");

    assertUnauthorizedAndNothingWritten(client.deliver(body, null), "MISSING_SIGNATURE");
  }

  @Test
  void unsignedMalformedBodyIsUnauthorizedNotBadRequest() {
    assertUnauthorizedAndNothingWritten(
        client.deliver("garbage".getBytes(StandardCharsets.UTF_8), null), "MISSING_SIGNATURE");
  }

  @Test
  void oversizedBodyIsRefusedWith413AndNothingIsWritten() {
    byte[] body = new byte[64 * 1024 + 1];
    Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    body[body.length - 1] = '}';

    HttpResponse<String> response = client.deliver(body, hmacHex(TOKEN, body));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(errorCode(response)).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(gateway.newEvents()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[1,2,3]",
        "{\"eventId\":\"e\",\"data\":{\"vehicle\":{\"id\":\"v\"}}}",
        "{\"eventId\":\"e\",\"eventType\":\"VEHICLE_STATE\",\"data\":{\"signals\":[]}}",
        "{\"eventType\":\"VERIFY\",\"data\":{}}"
      })
  void signedMalformedBodyIsABadRequestAndKeptAsADeadLetter(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = client.deliver(body, hmacHex(TOKEN, body));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response))
        .isIn(
            "NOT_JSON",
            "NOT_AN_OBJECT",
            "MISSING_EVENT_TYPE",
            "MISSING_VEHICLE_ID",
            "MISSING_CHALLENGE");
    assertThat(gateway.newEvents()).isEmpty();
    // issue 12: the raw body is on the dead-letter topic, with the error code as its reason
    List<ConsumerRecord<String, DeadLetter>> letters = gateway.newDeadLetters();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).value().getReason()).isEqualTo(errorCode(response));
    assertThat(RunningGateway.keptBody(letters.get(0).value())).isEqualTo(body);
  }

  @Test
  void secondDeliveryOfTheSameEventIsAcceptedWithTheSameEventIdOnTheTopic() {
    byte[] body = Fixtures.bytes("vw_id_4_all.json");

    HttpResponse<String> first = client.deliver(body, hmacHex(TOKEN, body));
    HttpResponse<String> retry = client.deliver(body, hmacHex(TOKEN, body));

    assertThat(List.of(first.statusCode(), retry.statusCode())).containsExactly(200, 200);
    assertThat(gateway.newEvents())
        .extracting(r -> r.value().getEventId())
        .containsExactly(
            "1821c036-71cb-408f-8dee-2989b9764307", "1821c036-71cb-408f-8dee-2989b9764307");
  }

  @Test
  void signedUnknownEventTypeIsAcceptedAs202AndDeadLettered() {
    byte[] body =
        "{\"eventId\":\"u-1\",\"eventType\":\"VEHICLE_TELEPORTED\",\"data\":{\"vehicle\":{\"id\":\"v-42\"}}}"
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = client.deliver(body, hmacHex(TOKEN, body));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(gateway.newEvents()).isEmpty();
    List<ConsumerRecord<String, DeadLetter>> letters = gateway.newDeadLetters();
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0).value();
    assertThat(letter.getReason()).isEqualTo("UNKNOWN_EVENT_TYPE");
    assertThat(letter.getSource()).isEqualTo("ingest-gateway");
    assertThat(RunningGateway.keptBody(letter)).isEqualTo(body);
    assertThat(letters.get(0).key()).isEqualTo("v-42");
  }

  @Test
  void wrongPathIs404AndWrongMethodIs405InTheErrorShape() {
    HttpResponse<String> notFound = client.request("POST", "/webhooks/other");
    HttpResponse<String> wrongMethod = client.request("GET", "/webhooks/smartcar");

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(errorCode(notFound)).isEqualTo("NOT_FOUND");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(errorCode(wrongMethod)).isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void healthAndMetricsAreServed() {
    byte[] body = Fixtures.bytes("vw_id_4_test_mode.json");
    assertThat(client.deliver(body, hmacHex(TOKEN, body)).statusCode()).isEqualTo(200);

    assertThat(client.request("GET", "/health/live").statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> assertThat(client.request("GET", "/health/ready").statusCode()).isEqualTo(200));
    String metrics = client.request("GET", "/metrics").body();
    assertThat(metrics)
        .contains("gateway_requests_total{outcome=\"accepted\"")
        .contains("gateway_events_total{")
        .contains("gateway_produce_latency_seconds_bucket{");
  }

  private void assertUnauthorizedAndNothingWritten(HttpResponse<String> response, String code) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(errorCode(response)).isEqualTo(code);
    assertThat(gateway.newEvents()).isEmpty();
    assertThat(gateway.newDeadLetters()).isEmpty();
  }

  /** HMAC-SHA256 hex, computed here independently of the gateway's code. */
  static String hmacHex(String key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
