package io.smartcarpipeline.sim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator against a real Vert.x server: an open loop sends at its rate and charges a
 * stalled server for every request it delayed (no coordinated omission); a closed loop keeps
 * exactly its concurrency outstanding.
 */
class LoadGeneratorIT {

  private static final String TOKEN = "amt-load-test";
  private static final int WARM_UP_REQUESTS = 101; // 200/s for 500 ms, both ends included

  private final Vertx vertx = Vertx.vertx();
  private final WebhookLoad webhooks = new WebhookLoad(TOKEN, 10, 50);

  @AfterEach
  void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void openLoopSendsRateTimesDurationSpreadOverTheDuration() throws Exception {
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    try (LoadTarget target =
            LoadTarget.start(
                vertx,
                req -> {
                  arrivals.add(System.nanoTime());
                  req.response().setStatusCode(200).end();
                });
        LoadGenerator generator = LoadGenerator.forUrl(vertx, target.url(), 16, 1)) {

      long before = System.nanoTime();
      LoadResult result = generator.openLoop(webhooks, 200, Duration.ofSeconds(2));

      // one request at t = 0 and one every 5 ms up to and including t = 2 s, all answered
      assertThat(result.sent()).isBetween(400L, 402L);
      assertThat(result.ok()).isEqualTo(result.sent());
      assertThat(arrivals).hasSize((int) result.sent());
      // a request may leave late (then later ones catch up) but never before its time: the i-th
      // arrival is at least i × 5 ms after the start
      List<Long> sorted = arrivals.stream().map(t -> t - before).sorted().toList();
      for (int i = 0; i < sorted.size(); i++) {
        assertThat(sorted.get(i)).as("arrival %d", i).isGreaterThanOrEqualTo(i * 5_000_000L);
      }
      // over the time until the last answer: never above the offered 200/s (how far below
      // depends on how fast this machine answers, so it is not asserted here)
      assertThat(result.okPerSecond()).isPositive().isLessThanOrEqualTo(205.0);
    }
  }

  @Test
  void aServerThatLagsShowsTheRateItAnsweredAtNotTheOfferedOne() throws Exception {
    try (LoadTarget target =
            LoadTarget.start(
                vertx, req -> vertx.setTimer(1000, t -> req.response().setStatusCode(200).end()));
        LoadGenerator generator = LoadGenerator.forUrl(vertx, target.url(), 256, 1)) {

      LoadResult result = generator.openLoop(webhooks, 100, Duration.ofSeconds(1));

      // ~101 answers, the last ~1 s after the offered second ended: ~50/s, not 100/s
      assertThat(result.ok()).isEqualTo(result.sent());
      assertThat(result.okPerSecond()).isLessThan(60.0);
    }
  }

  @Test
  void aStalledServerIsChargedForEveryRequestItDelayed() throws Exception {
    AtomicInteger arrived = new AtomicInteger();
    try (LoadTarget target =
            LoadTarget.start(
                vertx,
                req -> {
                  // about 1 s into the run the server stalls 500 ms on one request; with a single
                  // connection every request due meanwhile waits in the client, and that wait is
                  // charged (a generator that sent only when a connection was free, or timed from
                  // when the request got one, would see one slow request and a p99 of ~1 ms)
                  if (arrived.incrementAndGet() == WARM_UP_REQUESTS + 200) {
                    vertx.setTimer(500, t -> req.response().setStatusCode(200).end());
                  } else {
                    req.response().setStatusCode(200).end();
                  }
                });
        LoadGenerator generator = LoadGenerator.forUrl(vertx, target.url(), 1, 1)) {

      warmUp(generator);
      LoadResult result = generator.openLoop(webhooks, 200, Duration.ofSeconds(3));

      assertThat(result.ok()).isEqualTo(result.sent()).isBetween(600L, 602L);
      // ~100 requests were due during the stall and waited 500 ms down to 0: the top ~15 %
      assertThat(result.maxMillis()).isGreaterThanOrEqualTo(495);
      assertThat(result.millisAt(99)).isGreaterThanOrEqualTo(400);
      assertThat(result.micros().getCountBetweenValues(250_000, Long.MAX_VALUE))
          .as("requests that waited at least 250 ms")
          .isGreaterThanOrEqualTo(40);
    }
  }

  @Test
  void aSenderThatFellBehindIsChargedFromWhenEachRequestWasDue() throws Exception {
    // the generator itself stalls 500 ms before request 200 (as in a GC pause): the ~100 requests
    // due meanwhile leave late, and their latency must run from when they were due, not from when
    // they left; measured from the actual send, every one of them would look fast
    AtomicBoolean stall = new AtomicBoolean(false);
    RequestSource stallingOnce =
        seq -> {
          if (seq == 200 && stall.getAndSet(false)) {
            sleep(500);
          }
          return webhooks.next(seq);
        };
    try (LoadTarget target = LoadTarget.start(vertx, req -> req.response().end());
        LoadGenerator generator = LoadGenerator.forUrl(vertx, target.url(), 16, 1)) {

      warmUp(generator);
      stall.set(true);
      LoadResult result = generator.openLoop(stallingOnce, 200, Duration.ofSeconds(3));

      assertThat(result.ok()).isEqualTo(result.sent()).isBetween(600L, 602L);
      assertThat(result.maxMillis()).isGreaterThanOrEqualTo(495);
      assertThat(result.micros().getCountBetweenValues(250_000, Long.MAX_VALUE))
          .as("requests due at least 250 ms before they could leave")
          .isGreaterThanOrEqualTo(40);
    }
  }

  @Test
  void closedLoopKeepsExactlyItsConcurrencyOutstanding() throws Exception {
    Queue<HttpServerRequest> held = new ConcurrentLinkedQueue<>();
    AtomicInteger arrived = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    Gate gate = new Gate();
    try (LoadTarget target =
            LoadTarget.start(
                vertx,
                req -> {
                  arrived.incrementAndGet();
                  maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  if (gate.closed) {
                    held.add(req);
                  } else {
                    vertx.setTimer(5, t -> answer(req, inFlight));
                  }
                });
        LoadGenerator generator = LoadGenerator.forUrl(vertx, target.url(), 32, 1)) {

      CompletableFuture<LoadResult> run =
          CompletableFuture.supplyAsync(
              () -> generator.closedLoop(webhooks, 8, Duration.ofMillis(1_500)));

      // while nothing is answered, exactly 8 arrive and no more
      await().atMost(Duration.ofSeconds(5)).until(() -> arrived.get() == 8);
      await().during(ms(300)).atMost(ms(1_000)).until(() -> arrived.get() == 8);
      // then every answer lets exactly one more in
      gate.closed = false;
      vertx.runOnContext(v -> held.forEach(req -> answer(req, inFlight)));
      LoadResult result = run.get(30, TimeUnit.SECONDS);

      assertThat(maxInFlight.get()).isEqualTo(8);
      assertThat(result.sent()).isEqualTo(arrived.get()).isGreaterThan(8 + 40);
      assertThat(inFlight.get()).as("every request answered before the run ends").isZero();
    }
  }

  private static void answer(HttpServerRequest req, AtomicInteger inFlight) {
    inFlight.decrementAndGet();
    req.response().setStatusCode(200).end();
  }

  /** A first short run, so that connections, JIT and class loading do not count as a stall. */
  private void warmUp(LoadGenerator generator) {
    LoadResult warm = generator.openLoop(webhooks, 200, Duration.ofMillis(500));
    assertThat(warm.sent()).isEqualTo(WARM_UP_REQUESTS);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  /** Whether the server holds requests instead of answering them. */
  private static final class Gate {
    volatile boolean closed = true;
  }
}
