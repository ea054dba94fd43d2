package io.smartcarpipeline.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The launcher's {@code sim} entry point: API stand-in plus fleet, summary lines, clean stop. */
class SimRunnerIT {

  private static final String TOKEN = "amt-runner";
  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger deliveries = new AtomicInteger();

  @AfterEach
  void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private String gateway() throws Exception {
    WebhookSigner signer = new WebhookSigner(TOKEN);
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            b -> {
                              JsonObject json = b.toJsonObject();
                              if ("VERIFY".equals(json.getString("eventType"))) {
                                String c = json.getJsonObject("data").getString("challenge");
                                req.response()
                                    .putHeader("Content-Type", "application/json")
                                    .end(
                                        new JsonObject()
                                            .put("challenge", signer.hashChallenge(c))
                                            .encode());
                              } else {
                                deliveries.incrementAndGet();
                                req.response().setStatusCode(200).end();
                              }
                            }))
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return "http://localhost:" + server.actualPort() + "/webhooks/smartcar";
  }

  @Test
  void shouldRunPrintSummariesAndStopCleanly() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Map<String, String> env =
        Map.of(
            "SMARTCAR_MANAGEMENT_TOKEN", TOKEN,
            "SIM_PORT", "0",
            "SIM_TIME_FACTOR", "600",
            "SIM_SUMMARY_INTERVAL", "300ms");

    int exit =
        SimRunner.run(
            env,
            gateway(),
            4,
            Duration.ofMillis(1500),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(out)
        .contains("sim_started api=http://localhost:")
        .containsPattern("management=http://localhost:[0-9]+/management/v3 ")
        .containsPattern("compatibility=http://localhost:[0-9]+/compatibility/v3 ")
        .contains("auto_enroll=true")
        .contains("vehicles=4");
    assertThat(out).containsPattern("(?m)^sim sim_time=\\S+ events=\\d+ sent=\\d+ accepted=\\d+");
    assertThat(out).contains("sim_stopped");
    assertThat(deliveries.get()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void shouldRefuseToStartWithoutTheManagementToken() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int exit =
        SimRunner.run(
            Map.of("SIM_PORT", "0"),
            "http://localhost:1/webhooks",
            2,
            Duration.ofSeconds(1),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("sim_start_failed")
        .contains("SMARTCAR_MANAGEMENT_TOKEN");
  }
}
