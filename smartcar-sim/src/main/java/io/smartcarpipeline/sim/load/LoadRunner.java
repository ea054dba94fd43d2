package io.smartcarpipeline.sim.load;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.smartcarpipeline.sim.EnvReader;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code smartcar-pipeline sim --load-rate R | --load-concurrency N} entry point: signed
 * VEHICLE_STATE webhooks ({@link WebhookLoad}) against a running gateway for a bounded time, a
 * {@code load_progress} line every {@code SIM_SUMMARY_INTERVAL} (5s) and a {@code load_done}
 * summary (accepted/s, p50, p99, p99.9, max, non-2xx and transport errors). Rule: nothing is sent
 * after the duration, and the run ends once every request sent has been answered (there is no
 * per-request timeout); latency is from the intended send time in open loop ({@link
 * LoadGenerator}).
 */
public final class LoadRunner {

  /** The key whose value signs the webhooks; the gateway's own. */
  public static final String MANAGEMENT_TOKEN = "SMARTCAR_MANAGEMENT_TOKEN";

  private LoadRunner() {}

  /**
   * Runs {@code plan}, printing to {@code out}.
   *
   * @return 0 after the run, 2 when it could not start (the reason is printed)
   */
  public static int run(Map<String, String> env, LoadPlan plan, PrintStream out) {
    EnvReader settings = new EnvReader(env);
    String token = settings.string(MANAGEMENT_TOKEN, null);
    Duration every;
    try {
      every = settings.duration("SIM_SUMMARY_INTERVAL", Duration.ofSeconds(5));
    } catch (IllegalArgumentException e) {
      out.println("load_start_failed " + e.getMessage());
      return 2;
    }
    if (token == null) {
      out.println("load_start_failed " + MANAGEMENT_TOKEN + " is required (the gateway's)");
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    ScheduledExecutorService printer =
        Executors.newSingleThreadScheduledExecutor(LoadRunner::daemon);
    try (LoadGenerator generator = LoadGenerator.forUrl(vertx, plan.url(), plan.connections(), 1)) {
      CountingSource source =
          new CountingSource(new WebhookLoad(token, plan.signals(), plan.vehicles()));
      out.println(started(plan));
      long start = System.nanoTime();
      Progress progress = new Progress(source, start);
      printer.scheduleAtFixedRate(
          () -> out.println(progress.line()), every.toMillis(), every.toMillis(), MILLISECONDS);
      LoadResult result =
          plan.openLoop()
              ? generator.openLoop(source, plan.ratePerSecond(), plan.duration())
              : generator.closedLoop(source, plan.concurrency(), plan.duration());
      printer.shutdownNow();
      out.println(summary(result, source.counts(), System.nanoTime() - start));
      return 0;
    } catch (IllegalArgumentException | IllegalStateException e) {
      out.println("load_failed " + e.getMessage());
      return 2;
    } finally {
      printer.shutdownNow();
      close(vertx);
    }
  }

  private static String started(LoadPlan plan) {
    String mode =
        plan.openLoop()
            ? String.format(Locale.ROOT, "open_loop rate=%.0f/s", plan.ratePerSecond())
            : "closed_loop concurrency=" + plan.concurrency();
    return "load_started url="
        + plan.url()
        + " mode="
        + mode
        + " duration="
        + plan.duration().toMillis() / 1000.0
        + "s signals="
        + plan.signals()
        + " vehicles="
        + plan.vehicles();
  }

  /**
   * The final line: how every request ended, 2xx per second of wall time until the last answer (so
   * a server that falls behind an open loop shows below the asked rate), and the latencies.
   */
  static String summary(LoadResult r, CountingSource.Counts c, long wallNanos) {
    return String.format(
        Locale.ROOT,
        "load_done sent=%d accepted=%d wall_s=%.1f accepted_per_s=%.1f p50_ms=%.2f p99_ms=%.2f"
            + " p99_9_ms=%.2f max_ms=%.2f non_2xx=%d errors=%d",
        c.sent(),
        c.accepted(),
        wallNanos / 1e9,
        c.accepted() * 1e9 / Math.max(1, wallNanos),
        r.millisAt(50),
        r.millisAt(99),
        r.millisAt(99.9),
        r.maxMillis(),
        c.non2xx(),
        c.errors());
  }

  /** Progress lines: totals so far and the accepted rate since the last line. */
  private static final class Progress {
    private final CountingSource source;
    private final long start;
    private long lastNanos;
    private long lastAccepted;

    Progress(CountingSource source, long start) {
      this.source = source;
      this.start = start;
      this.lastNanos = start;
    }

    String line() {
      long now = System.nanoTime();
      CountingSource.Counts c = source.counts();
      double rate = (c.accepted() - lastAccepted) * 1e9 / Math.max(1, now - lastNanos);
      lastNanos = now;
      lastAccepted = c.accepted();
      return String.format(
          Locale.ROOT,
          "load_progress t=%.1fs sent=%d accepted=%d accepted_per_s=%.1f non_2xx=%d errors=%d",
          (now - start) / 1e9,
          c.sent(),
          c.accepted(),
          rate,
          c.non2xx(),
          c.errors());
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "sim-load-progress");
    t.setDaemon(true);
    return t;
  }

  private static void close(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the run is over and reported; a slow close changes nothing
    }
  }
}
