package io.smartcarpipeline.gateway;

import static io.smartcarpipeline.gateway.GatewayClient.errorCode;
import static io.smartcarpipeline.gateway.GatewayIT.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.RawHttp.Answer;
import io.smartcarpipeline.gateway.http.ServerLimits;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.support.config.Settings;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway under hostile input and slow clients, over real HTTP and raw sockets, against the
 * embedded broker. Short server timeouts are set here so slow clients are seen off quickly.
 */
@ExtendWith(LocalStackExtension.class)
class GatewayHardeningIT {

  private static final String TOKEN = "hardening-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_CONNECTIONS = 20;

  private static RunningGateway gateway;
  private static GatewayClient client;

  /** Settings with short server timeouts, so that slow clients are dealt with in a second. */
  static Settings settings(LocalStack stack, String token) {
    return settings(stack, token, MAX_CONNECTIONS);
  }

  /** As {@link #settings(LocalStack, String)} with another connection limit. */
  static Settings settings(LocalStack stack, String token, int maxConnections) {
    Map<String, String> s = RunningGateway.settings(stack, token);
    s.put(ServerLimits.IDLE_TIMEOUT, "3s");
    s.put(ServerLimits.HEADER_TIMEOUT, "1s");
    s.put(ServerLimits.REQUEST_TIMEOUT, "1s");
    s.put(ServerLimits.MAX_CONNECTIONS, String.valueOf(maxConnections));
    return Settings.of(s);
  }

  @BeforeAll
  static void startGateway(LocalStack stack) {
    gateway = RunningGateway.start(stack, settings(stack, TOKEN));
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

  // --- item 2: parser limits are a 401 unsigned and a 400 + dead letter signed, never a 500

  @ParameterizedTest
  @ValueSource(strings = {"deep", "long-number", "long-key"})
  void bodyBeyondTheParserLimitsIsUnauthorizedWhenUnsigned(String kind) {
    byte[] body = beyondParserLimits(kind);

    HttpResponse<String> response = client.deliver(body, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(errorCode(response)).isEqualTo("MISSING_SIGNATURE");
    assertThat(gateway.newEvents()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"deep", "long-number", "long-key"})
  void signedBodyBeyondTheParserLimitsIsABadRequestAndDeadLettered(String kind) {
    byte[] body = beyondParserLimits(kind);

    HttpResponse<String> response = client.deliver(body, hmacHex(TOKEN, body));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("NOT_JSON");
    assertThat(gateway.newEvents()).isEmpty();
    assertDeadLettered(body, "NOT_JSON");
  }

  // --- item 3: a broken chunked body is never a 2xx

  @ParameterizedTest
  @ValueSource(strings = {"zz", "-1", "99999999999999999999"})
  void brokenLastChunkIsNeverAnsweredWithA2xx(String badSize) {
    byte[] body = Fixtures.bytes("vw_id_4_fuel.json");
    String head =
        "POST /webhooks/smartcar HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "SC-Signature: "
            + hmacHex(TOKEN, body)
            + "\r\nTransfer-Encoding: chunked\r\n\r\n";
    String chunked =
        head
            + Integer.toHexString(body.length)
            + "\r\n"
            + new String(body, StandardCharsets.ISO_8859_1)
            + "\r\n"
            + badSize
            + "\r\n\r\n";

    Answer answer = RawHttp.exchange(gateway.port(), chunked);

    if (answer.answered()) {
      assertThat(answer.status()).isBetween(400, 499);
      assertErrorShape(answer);
    }
    assertThat(gateway.newEvents()).isEmpty();
    assertThat(client.request("GET", "/metrics").body()).contains("outcome=\"broken_body\"");
  }

  // --- item 4: a time Avro cannot hold is not a Kafka outage

  @Test
  void farOffTimeIsAcceptedWithTheTimeLeftOutAndTheRawBodyKept() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(Fixtures.bytes("vw_id_4_fuel.json"));
    ((ObjectNode) root.get("meta")).put("deliveredAt", "+999999999-12-31T23:59:59Z");
    byte[] body = JSON.writeValueAsBytes(root);

    HttpResponse<String> response = client.deliver(body, hmacHex(TOKEN, body));

    assertThat(response.statusCode()).isEqualTo(200);
    List<ConsumerRecord<String, VehicleEvent>> written = gateway.newEvents();
    assertThat(written).hasSize(1);
    assertThat(written.get(0).value().getDeliveredAt()).isNull();
    assertThat(written.get(0).value().getRawBody())
        .isEqualTo(new String(body, StandardCharsets.UTF_8));
  }

  // --- item 5: ids made of control characters are invalid; signed invalid bodies are kept

  @ParameterizedTest
  @ValueSource(strings = {"/eventId", "/data/vehicle/id"})
  void idOfControlCharactersIsABadRequestAndDeadLettered(String pointer) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(Fixtures.bytes("vw_id_4_fuel.json"));
    ObjectNode parent = (ObjectNode) root.at(pointer.substring(0, pointer.lastIndexOf('/')));
    parent.put(pointer.substring(pointer.lastIndexOf('/') + 1), "\u0001\u0002\u001f");
    byte[] body = JSON.writeValueAsBytes(root);

    HttpResponse<String> response = client.deliver(body, hmacHex(TOKEN, body));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isIn("INVALID_EVENT_ID", "INVALID_VEHICLE_ID");
    assertThat(gateway.newEvents()).isEmpty();
    assertDeadLettered(body, errorCode(response));
  }

  @Test
  void signedBodyWithoutEventIdIsDeadLetteredBeforeThe400() {
    byte[] body =
        "{\"eventType\":\"VEHICLE_STATE\",\"data\":{\"vehicle\":{\"id\":\"v-1\"}}}"
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = client.deliver(body, hmacHex(TOKEN, body));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("MISSING_EVENT_ID");
    assertDeadLettered(body, "MISSING_EVENT_ID");
  }

  // --- item 6: slow clients are seen off

  @Test
  void clientThatNeverFinishesItsHeadersIsDisconnected() {
    try (RawHttp slow = new RawHttp(gateway.port())) {
      slow.send("POST /webhooks/smartcar HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
      Instant start = Instant.now();

      assertThat(slow.closedWithin(Duration.ofSeconds(8))).isTrue();
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(6));
    }
  }

  @Test
  void clientThatDribblesItsHeadersIsDisconnected() throws Exception {
    try (RawHttp slow = new RawHttp(gateway.port())) {
      slow.send("POST /webhooks/smartcar HTTP/1.1\r\nHost: localhost\r\n");
      Instant start = Instant.now();
      boolean closed = false;
      for (int i = 0; i < 40 && !closed; i++) {
        slow.send("X-" + i + ": 1\r\n");
        closed = slow.closedWithin(Duration.ofMillis(250));
      }

      assertThat(closed).isTrue();
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(6));
    }
  }

  @Test
  void keptAliveConnectionThatDribblesItsNextRequestIsDisconnected() {
    try (RawHttp slow = new RawHttp(gateway.port())) {
      slow.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(slow.answer(Duration.ofSeconds(5)).status()).isEqualTo(200);
      slow.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n");
      Instant start = Instant.now();
      boolean closed = false;
      for (int i = 0; i < 60 && !closed; i++) {
        slow.send("X-" + i + ": 1\r\n");
        closed = slow.closedWithin(Duration.ofMillis(250));
      }

      // bounded by the idle timeout (3 s here), although bytes keep arriving
      assertThat(closed).isTrue();
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
    }
  }

  @Test
  void unfinishedBodyGetsA408OrIsDisconnected() {
    try (RawHttp slow = new RawHttp(gateway.port())) {
      slow.send(
          "POST /webhooks/smartcar HTTP/1.1\r\nHost: localhost\r\nSC-Signature: ab\r\n"
              + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"eventId\":");
      Instant start = Instant.now();

      Answer answer = slow.answer(Duration.ofSeconds(8));

      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(6));
      if (answer.answered()) {
        assertThat(answer.status()).isEqualTo(408);
        assertErrorShape(answer);
      }
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAtOnce() {
    double refusedBefore = refusedConnections();
    List<RawHttp> held = new ArrayList<>();
    try {
      // slowloris: each holds a connection with a request line and no more
      for (int i = 0; i < MAX_CONNECTIONS; i++) {
        held.add(new RawHttp(gateway.port()).send("POST /webhooks/smartcar HTTP/1.1\r\n"));
      }
      try (RawHttp extra = new RawHttp(gateway.port()).send("GET /health/live HTTP/1.1\r\n")) {
        assertThat(extra.closedWithin(Duration.ofSeconds(3))).isTrue();
      }
    } finally {
      held.forEach(RawHttp::close);
    }
    // closed for being one too many, not by the header timeout
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(refusedConnections()).isGreaterThan(refusedBefore));
  }

  private static double refusedConnections() {
    return client
        .request("GET", "/metrics")
        .body()
        .lines()
        .filter(l -> l.startsWith("gateway_connections_refused_total"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  // --- item 7: Vert.x's own HTTP errors in the JSON shape, and never a 5xx

  @ParameterizedTest
  @ValueSource(strings = {"garbage-line", "long-uri", "huge-headers", "http-9.9"})
  void malformedRequestsGetA4xxInTheErrorShape(String kind) {
    String request =
        switch (kind) {
          case "garbage-line" -> "HELLO THERE\r\n\r\n";
          case "long-uri" -> "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
          case "http-9.9" -> "POST /webhooks/smartcar HTTP/9.9\r\nHost: localhost\r\n\r\n";
          default ->
              "GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                  + "b".repeat(9000)
                  + "\r\n\r\n";
        };

    Answer answer = RawHttp.exchange(gateway.port(), request);

    assertThat(answer.answered()).as("an answer, not just a close").isTrue();
    assertThat(answer.status()).isBetween(400, 499);
    assertErrorShape(answer);
  }

  private static byte[] beyondParserLimits(String kind) {
    String text =
        switch (kind) {
          case "deep" -> "[".repeat(1001) + "]".repeat(1001);
          case "long-number" -> "{\"eventId\":" + "9".repeat(1001) + "}";
          default -> "{\"" + "k".repeat(50_001) + "\":1}";
        };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private void assertDeadLettered(byte[] body, String reason) {
    List<ConsumerRecord<String, DeadLetter>> letters = gateway.newDeadLetters();
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0).value();
    assertThat(letter.getReason()).isEqualTo(reason);
    assertThat(letter.getSource()).isEqualTo("ingest-gateway");
    assertThat(RunningGateway.keptBody(letter)).isEqualTo(body);
  }

  static void assertErrorShape(Answer answer) {
    JsonObject error = new JsonObject(answer.body()).getJsonObject("error");
    assertThat(error.getString("code")).isNotBlank();
    assertThat(error.getString("message")).isNotBlank();
  }
}
