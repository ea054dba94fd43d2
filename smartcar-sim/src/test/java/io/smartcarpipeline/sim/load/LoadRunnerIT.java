package io.smartcarpipeline.sim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code sim} in load mode against a real server: progress lines and an exact final summary. */
class LoadRunnerIT {

  private static final String TOKEN = "amt-load-test";

  private final Vertx vertx = Vertx.vertx();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @AfterEach
  void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void openLoopRunPrintsProgressAndASummaryThatMatchesWhatTheServerAnswered() throws Exception {
    AtomicInteger arrived = new AtomicInteger();
    AtomicInteger answered503 = new AtomicInteger();
    try (LoadTarget target =
        LoadTarget.start(
            vertx,
            req -> {
              boolean reject = arrived.incrementAndGet() % 10 == 0;
              if (reject) {
                answered503.incrementAndGet();
              }
              req.response().setStatusCode(reject ? 503 : 200).end();
            })) {
      LoadPlan plan = new LoadPlan(target.url(), 100, 0, Duration.ofMillis(1_500), 10, 8);

      int code =
          LoadRunner.run(
              Map.of("SMARTCAR_MANAGEMENT_TOKEN", TOKEN, "SIM_SUMMARY_INTERVAL", "400ms"),
              plan,
              out);

      assertThat(code).isZero();
      List<String> lines = lines();
      assertThat(lines.get(0)).startsWith("load_started").contains("mode=open_loop rate=100/s");
      assertThat(lines).anyMatch(l -> l.startsWith("load_progress "));
      String done = lines.get(lines.size() - 1);
      assertThat(done).startsWith("load_done ");
      assertThat(field(done, "sent")).isEqualTo(arrived.get()).isBetween(150L, 152L);
      assertThat(field(done, "non_2xx")).isEqualTo(answered503.get()).isEqualTo(15);
      assertThat(field(done, "accepted")).isEqualTo(arrived.get() - answered503.get());
      assertThat(field(done, "errors")).isZero();
      assertThat(done).containsPattern("p99_ms=\\d+\\.\\d+ p99_9_ms=\\d+\\.\\d+");
      assertThat(done).containsPattern("wall_s=\\d+\\.\\d accepted_per_s=\\d+\\.\\d ");
    }
  }

  @Test
  void withoutTheManagementTokenTheRunDoesNotStart() {
    LoadPlan plan = new LoadPlan("http://localhost:1/x", 100, 0, Duration.ofSeconds(1), 10, 8);

    int code = LoadRunner.run(Map.of(), plan, out);

    assertThat(code).isEqualTo(2);
    assertThat(lines())
        .containsExactly("load_start_failed SMARTCAR_MANAGEMENT_TOKEN is required (the gateway's)");
  }

  private List<String> lines() {
    return Arrays.asList(printed.toString(StandardCharsets.UTF_8).split("\\R"));
  }

  private static long field(String line, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=(\\d+)\\b").matcher(line);
    assertThat(m.find()).as(name + " in " + line).isTrue();
    return Long.parseLong(m.group(1));
  }
}
