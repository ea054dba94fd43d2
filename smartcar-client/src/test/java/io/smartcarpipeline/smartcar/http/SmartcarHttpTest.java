package io.smartcarpipeline.smartcar.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.client.WebClient;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared V3 request against a real HTTP server: headers sent, answers and failures read. */
class SmartcarHttpTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<HttpServerRequest> seen = new CopyOnWriteArrayList<>();
  private WebClient web;
  private HttpServer server;

  @BeforeEach
  void start() {
    web = WebClient.create(vertx);
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  seen.add(request);
                  if (request.path().endsWith("/limited")) {
                    request
                        .response()
                        .setStatusCode(429)
                        .putHeader("Retry-After", "7")
                        .putHeader("SC-Request-Id", "req-1")
                        .end("{\"type\":\"RATE_LIMIT\",\"code\":\"VEHICLE\"}");
                  } else {
                    request.response().end("{\"data\":{\"id\":\"v1\"}}");
                  }
                })
            .listen(0)
            .await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void shouldSendTheBearerTokenAndTheUserIdBelowTheOrigin() {
    SmartcarHttp http = new SmartcarHttp(web, "http://localhost:" + server.actualPort() + "/v3/");

    ApiOutcome outcome =
        SmartcarHttp.outcome(
                http.request(HttpMethod.GET, "/vehicles/v1/signals", "tok", "user-1").send())
            .await();

    assertThat(outcome).isInstanceOf(ApiResponse.class);
    assertThat(((ApiResponse) outcome).httpStatus()).isEqualTo(200);
    HttpServerRequest request = seen.get(0);
    assertThat(request.path()).isEqualTo("/v3/vehicles/v1/signals");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer tok");
    assertThat(request.getHeader(SmartcarHttp.USER_ID_HEADER)).isEqualTo("user-1");
  }

  @Test
  void shouldSendNoUserIdForAppLevelCalls() {
    SmartcarHttp http = new SmartcarHttp(web, "http://localhost:" + server.actualPort());

    SmartcarHttp.outcome(http.request(HttpMethod.GET, "/connections", "tok", null).send()).await();

    assertThat(seen.get(0).getHeader(SmartcarHttp.USER_ID_HEADER)).isNull();
  }

  @Test
  void shouldReadTheErrorAndRetryAfterOfARefusal() {
    SmartcarHttp http = new SmartcarHttp(web, "http://localhost:" + server.actualPort());

    ApiResponse r =
        (ApiResponse)
            SmartcarHttp.outcome(http.request(HttpMethod.POST, "/limited", "tok", "u").send())
                .await();

    assertThat(r.httpStatus()).isEqualTo(429);
    assertThat(r.errorType()).isEqualTo("RATE_LIMIT");
    assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(r.requestId()).isEqualTo("req-1");
  }

  @Test
  void shouldTurnARefusedConnectionIntoAFailureThatWasNotSent() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SmartcarHttp http = new SmartcarHttp(web, "http://localhost:" + closedPort);

    ApiOutcome outcome =
        SmartcarHttp.outcome(http.request(HttpMethod.GET, "/x", "tok", "u").send()).await();

    assertThat(outcome).isInstanceOf(TransportFailure.class);
    assertThat(((TransportFailure) outcome).maybeSent()).isFalse();
  }
}
