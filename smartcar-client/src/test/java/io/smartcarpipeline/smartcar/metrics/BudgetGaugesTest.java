package io.smartcarpipeline.smartcar.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartcarpipeline.smartcar.budget.TokenBucket;
import io.smartcarpipeline.support.testing.MutableClock;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BudgetGaugesTest {

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock time = MutableClock.at("2026-12-01T10:00:00Z");
  private final Set<Thread> bucketThreads = ConcurrentHashMap.newKeySet();

  /** The bucket's clock notes every thread that reads the bucket after it was built. */
  private final Clock watched =
      new Clock() {
        @Override
        public Instant instant() {
          bucketThreads.add(Thread.currentThread());
          return time.instant();
        }

        @Override
        public ZoneId getZone() {
          return time.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }
      };

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  private static Thread threadOf(Context context) {
    CompletableFuture<Thread> thread = new CompletableFuture<>();
    context.runOnContext(v -> thread.complete(Thread.currentThread()));
    return thread.join();
  }

  @Test
  void samplesOnTheOwnersEventLoopAndFollowsTheBucket() {
    Context owner = vertx.getOrCreateContext();
    TokenBucket bucket = new TokenBucket(watched, 10, 60); // one token a second
    CompletableFuture<Void> drained = new CompletableFuture<>();
    owner.runOnContext(
        v -> {
          for (int i = 0; i < 10; i++) {
            bucket.tryAcquire();
          }
          drained.complete(null);
        });
    drained.join();
    bucketThreads.clear();

    try (BudgetGauges gauges =
        BudgetGauges.start(registry, vertx, owner, bucket, Duration.ofMillis(20))) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !bucketThreads.isEmpty());
      assertThat(gauge("smartcar_budget_tokens_available")).isZero();
      assertThat(gauge("smartcar_budget_tokens_capacity")).isEqualTo(10.0);

      time.advance(Duration.ofMillis(3_500));
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> assertThat(gauge("smartcar_budget_tokens_available")).isEqualTo(3.0));
      assertThat(bucketThreads).containsOnly(threadOf(owner));
    }
  }

  @Test
  void aScrapeReadsTheLastSampleAndNeverTheBucket() {
    Context owner = vertx.getOrCreateContext();
    TokenBucket bucket = new TokenBucket(watched, 10, 60);
    owner.runOnContext(v -> bucket.drainUntil(time.instant()));
    try (BudgetGauges gauges =
        BudgetGauges.start(registry, vertx, owner, bucket, Duration.ofHours(1))) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !bucketThreads.isEmpty());
      await().atMost(Duration.ofSeconds(5)).until(() -> gauges.lastSample() == 0);
      bucketThreads.clear();

      time.advance(Duration.ofSeconds(5)); // the bucket refilled, but no sample is due
      assertThat(gauge("smartcar_budget_tokens_available")).isZero();
      assertThat(gauge("smartcar_budget_tokens_capacity")).isEqualTo(10.0);
      assertThat(bucketThreads).as("threads that read the bucket during scrapes").isEmpty();
    }
  }
}
