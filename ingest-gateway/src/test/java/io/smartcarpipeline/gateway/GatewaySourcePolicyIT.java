package io.smartcarpipeline.gateway;

import static io.smartcarpipeline.gateway.GatewayIT.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.gateway.client.SourcePolicy;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.gateway.http.GatewayRouter;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public endpoint under abuse, over real HTTP against the embedded broker: a source allow-list
 * (with the test's loopback address as the trusted proxy, so X-Forwarded-For names the client) and
 * a per-client limit on requests that fail the signature check, which never refuses a validly
 * signed delivery.
 */
@ExtendWith(LocalStackExtension.class)
class GatewaySourcePolicyIT {

  private static final String TOKEN = "source-policy-token";
  private static final int FAILURES_PER_MINUTE = 3;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static GatewayApp gateway;

  @BeforeAll
  static void startGateway(LocalStack stack) {
    gateway =
        GatewayApp.start(
            Settings.of(
                Map.of(
                    GatewayConfig.MANAGEMENT_TOKEN,
                    TOKEN,
                    GatewayConfig.PORT,
                    "0",
                    GatewayConfig.INSTANCES,
                    "2",
                    SourcePolicy.ALLOWED_SOURCES,
                    "203.0.113.0/24, 2001:db8::/32",
                    SourcePolicy.TRUSTED_PROXIES,
                    "127.0.0.1, ::1",
                    SourcePolicy.SIGNATURE_FAILURES_PER_MINUTE,
                    String.valueOf(FAILURES_PER_MINUTE),
                    CommonSettings.KAFKA_BOOTSTRAP_SERVERS,
                    stack.bootstrapServers(),
                    CommonSettings.SCHEMA_REGISTRY_URL,
                    stack.schemaRegistryUrl())));
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
  }

  @Test
  void aSourceOutsideTheAllowListIsRefusedBeforeItsBodyCounts() {
    HttpResponse<String> direct = deliver(null, signed());
    HttpResponse<String> elsewhere = deliver("198.51.100.7", signed());

    assertThat(direct.statusCode()).isEqualTo(403);
    assertThat(code(direct)).isEqualTo("SOURCE_NOT_ALLOWED");
    assertThat(message(direct)).contains(SourcePolicy.ALLOWED_SOURCES);
    assertThat(elsewhere.statusCode()).isEqualTo(403);
  }

  @Test
  void anAllowedSourceBehindTheTrustedProxyDelivers() {
    assertThat(deliver("203.0.113.9", signed()).statusCode()).isEqualTo(200);
    assertThat(deliver("2001:db8::5", signed()).statusCode()).isEqualTo(200);
  }

  @Test
  void anAddressTheClientWroteLeftOfTheProxysEntryIsNotBelieved() {
    // the proxy appends the address it saw; whatever stands left of it came from the client
    HttpResponse<String> spoofed = deliver("203.0.113.9, 198.51.100.7", signed());
    HttpResponse<String> honest = deliver("198.51.100.7, 203.0.113.9", signed());

    assertThat(spoofed.statusCode()).isEqualTo(403);
    assertThat(honest.statusCode()).isEqualTo(200);
  }

  @Test
  void signatureFailuresBeyondTheLimitGet429ButAValidDeliveryStillGoesThrough() {
    String client = "203.0.113.50";
    for (int i = 0; i < FAILURES_PER_MINUTE; i++) {
      assertThat(deliver(client, badlySigned()).statusCode())
          .as("failure %d", i + 1)
          .isEqualTo(401);
    }

    HttpResponse<String> over = deliver(client, badlySigned());
    HttpResponse<String> unsignedOver = deliver(client, new Delivery(body(), null));
    HttpResponse<String> valid = deliver(client, signed());
    HttpResponse<String> otherClient = deliver("203.0.113.51", badlySigned());

    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(code(over)).isEqualTo("TOO_MANY_SIGNATURE_FAILURES");
    assertThat(over.headers().firstValue("Connection")).hasValue("close");
    assertThat(unsignedOver.statusCode()).isEqualTo(429);
    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(otherClient.statusCode()).isEqualTo(401);
  }

  @Test
  void healthAndMetricsStayReachableFromOutsideTheAllowList() {
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(get("/metrics").body()).contains("source_refused");
  }

  private record Delivery(byte[] body, String signature) {}

  private static byte[] body() {
    return Fixtures.bytes("vw_id_4_all.json");
  }

  private static Delivery signed() {
    byte[] body = body();
    return new Delivery(body, hmacHex(TOKEN, body));
  }

  private static Delivery badlySigned() {
    byte[] body = body();
    return new Delivery(body, hmacHex("not-the-token", body));
  }

  private static HttpResponse<String> deliver(String forwardedFor, Delivery d) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + gateway.port() + GatewayRouter.WEBHOOK_PATH))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    if (d.signature() != null) {
      request.header("SC-Signature", d.signature());
    }
    return send(request.build());
  }

  private static HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + path)).build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request to the gateway failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String code(HttpResponse<String> r) {
    return new JsonObject(r.body()).getJsonObject("error").getString("code");
  }

  private static String message(HttpResponse<String> r) {
    return new JsonObject(r.body()).getJsonObject("error").getString("message");
  }
}
