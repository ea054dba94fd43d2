package io.smartcarpipeline.smartcar.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smartcarpipeline.smartcar.budget.TokenBucket;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request budget as gauges: {@code smartcar_budget_tokens_available} (whole tokens this
 * process's share holds now) and {@code smartcar_budget_tokens_capacity} (its size). A {@link
 * TokenBucket} is not thread-safe and reading it refills it, so the scrape thread never touches it:
 * the bucket is sampled on the event loop that owns it, at start and then every {@code every}, into
 * an {@link AtomicLong} the gauge reads. Closing stops the sampling.
 */
public final class BudgetGauges implements AutoCloseable {

  private final Vertx vertx;
  private final Context owner;
  private final TokenBucket bucket;
  private final AtomicLong available = new AtomicLong();
  private final long timer;

  private BudgetGauges(
      MeterRegistry registry, Vertx vertx, Context owner, TokenBucket bucket, Duration every) {
    this.vertx = vertx;
    this.owner = owner;
    this.bucket = bucket;
    Gauge.builder("smartcar_budget_tokens_available", available, AtomicLong::get)
        .description("Whole requests this process's share of the Smartcar app budget holds now")
        .register(registry);
    Gauge.builder("smartcar_budget_tokens_capacity", bucket, b -> b.capacity())
        .description("Size of this process's share of the Smartcar app budget")
        .register(registry);
    owner.runOnContext(v -> sample());
    this.timer =
        vertx.setPeriodic(Math.max(1, every.toMillis()), id -> owner.runOnContext(v -> sample()));
  }

  /**
   * Starts sampling {@code bucket} on {@code owner}, the context whose event loop uses it.
   *
   * @param every how often; a scrape sees a value at most this old
   */
  public static BudgetGauges start(
      MeterRegistry registry, Vertx vertx, Context owner, TokenBucket bucket, Duration every) {
    return new BudgetGauges(registry, vertx, owner, bucket, every);
  }

  private void sample() {
    available.set((long) Math.floor(bucket.available()));
  }

  /** The last sample (tests). */
  long lastSample() {
    return available.get();
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
  }
}
