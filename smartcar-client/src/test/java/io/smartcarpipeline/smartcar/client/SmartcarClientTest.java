package io.smartcarpipeline.smartcar.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartcarpipeline.smartcar.auth.AccessToken;
import io.smartcarpipeline.smartcar.budget.BudgetSettings;
import io.smartcarpipeline.smartcar.budget.CircuitBreaker;
import io.smartcarpipeline.smartcar.errors.CallKind;
import io.smartcarpipeline.smartcar.fleet.SmartcarAnswer;
import io.smartcarpipeline.smartcar.fleet.SmartcarCaller;
import io.smartcarpipeline.smartcar.http.SmartcarHttp;
import io.smartcarpipeline.smartcar.metrics.SmartcarApiErrors;
import io.smartcarpipeline.support.testing.MutableClock;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parts built from the settings, against a real HTTP server playing IAM and the V3 API. */
class SmartcarClientTest {

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> tokenForms = new CopyOnWriteArrayList<>();
  private final List<Boolean> refreshes = new CopyOnWriteArrayList<>();
  private final List<CircuitBreaker.State> breakerStates = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private WebClient web;

  @BeforeEach
  void start() throws Exception {
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  if (req.path().equals("/iam/oauth2/token")) {
                    req.body()
                        .onSuccess(
                            body -> {
                              tokenForms.add(body.toString());
                              req.response()
                                  .end("{\"access_token\":\"tok-1\",\"expires_in\":3600}");
                            });
                  } else {
                    req.response()
                        .setStatusCode(429)
                        .end("{\"type\":\"RATE_LIMIT\",\"code\":\"VEHICLE\"}");
                  }
                })
            .listen(0)
            .await(10, TimeUnit.SECONDS);
    web = WebClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private SmartcarClientSettings settings(BudgetSettings budget) {
    String origin = "http://localhost:" + server.actualPort();
    return new SmartcarClientSettings(
        "client_x", "s3cret", origin + "/v3", origin + "/iam", Duration.ofMinutes(5), budget);
  }

  private static BudgetSettings budget(int capacity, int window) {
    return new BudgetSettings(
        capacity, 0.001, Duration.ZERO, window, window, 0.5, Duration.ofSeconds(30));
  }

  private SmartcarClient create(BudgetSettings budget) {
    return SmartcarClient.create(
        settings(budget),
        web,
        Duration.ofSeconds(5),
        clock,
        registry,
        new SmartcarClient.Observers(refreshes::add, breakerStates::add));
  }

  @Test
  void shouldTakeTheAppTokenFromTheConfiguredIamWithTheClientCredentials() throws Exception {
    SmartcarClient client = create(budget(10, 4));

    AccessToken token = client.tokens().token().await(10, TimeUnit.SECONDS);

    assertThat(token.value()).isEqualTo("tok-1");
    assertThat(tokenForms)
        .singleElement()
        .asString()
        .contains("grant_type=client_credentials", "client_id=client_x", "client_secret=s3cret");
    assertThat(refreshes).containsExactly(true);
  }

  @Test
  void shouldBuildTheBudgetGatesFromTheSettingsAndReportBreakerChanges() {
    SmartcarClient client = create(budget(7, 2));

    assertThat(client.budgets().bucket().capacity()).isEqualTo(7);
    client.budgets().breaker().record(true);
    client.budgets().breaker().record(true);

    assertThat(client.budgets().breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breakerStates).containsExactly(CircuitBreaker.State.OPEN);
  }

  @Test
  void shouldCallThroughTheSameBudgetsAndCountErrorsOnTheServicesRegistry() throws Exception {
    SmartcarClient client = create(budget(10, 4));
    List<SmartcarAnswer> answers = new CopyOnWriteArrayList<>();
    SmartcarCaller caller = client.caller(vertx, 1, Duration.ofSeconds(1), answers::add);
    SmartcarHttp http = new SmartcarHttp(web, v3());

    Promise<SmartcarAnswer> done = Promise.promise();
    vertx
        .getOrCreateContext()
        .runOnContext(
            v ->
                caller
                    .call(
                        "v1",
                        CallKind.read("signals"),
                        token -> http.request(HttpMethod.GET, "/vehicles/v1", token, "u1").send())
                    .onComplete(done));
    SmartcarAnswer answer = done.future().await(10, TimeUnit.SECONDS);

    assertThat(answer.ok()).isFalse();
    assertThat(answers).containsExactly(answer);
    assertThat(client.budgets().bucket().available()).isCloseTo(9.0, within(0.01));
    assertThat(
            registry
                .find(SmartcarApiErrors.NAME)
                .tag("type", "RATE_LIMIT")
                .tag("code", "VEHICLE")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  private String v3() {
    return "http://localhost:" + server.actualPort() + "/v3";
  }
}
