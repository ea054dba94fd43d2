package io.smartcarpipeline.bench;

import io.smartcarpipeline.gateway.GatewayApp;
import io.smartcarpipeline.processors.ProcessorsApp;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.sim.load.LoadGenerator;
import io.smartcarpipeline.sim.load.LoadResult;
import io.smartcarpipeline.sim.load.WebhookLoad;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Benchmark 3: gateway and processors together at a fixed webhook rate (1,000/s by default, open
 * loop); for about 50 sampled webhooks a second, the time from the gateway's 200 until the query
 * API shows the vehicle's state with that event. Rule: each vehicle gets an event only every ten
 * seconds, so a newer event of the same vehicle cannot hide the sampled one.
 */
final class LatencyBench {

  static final String NAME = "latency";

  private LatencyBench() {}

  static void run(BenchOptions o, Report report) {
    Path stateDir = ProcessorsBench.tempDir();
    Vertx vertx = Vertx.vertx();
    try (BenchStack stack = BenchStack.start(o);
        GatewayApp gateway = GatewayApp.start(GatewayBench.settings(stack));
        ProcessorsApp processors = ProcessorsApp.start(processorSettings(stack, stateDir));
        LoadGenerator gen =
            new LoadGenerator(vertx, "localhost", gateway.port(), "/webhooks/smartcar", 64, 1)) {
      int vehicles = Math.max(100, o.latencyRate() * 10);
      VisibilityTracker tracker =
          new VisibilityTracker(
              vertx, processors.port(), vehicles, Math.max(1, o.latencyRate() / 50));
      gen.openLoop(new WebhookLoad(BenchOptions.TOKEN, 10, vehicles), o.latencyRate(), o.warmup());
      LoadResult accepted = gen.openLoop(tracker, o.latencyRate(), o.latencyDuration());
      long deadline = System.nanoTime() + 15_000_000_000L;
      while (tracker.pending() > 0 && System.nanoTime() < deadline) {
        sleep(50);
      }
      Histogram h = tracker.histogram();
      String rate = String.format("%,d webhooks/s of 10 signals", o.latencyRate());
      LoadRows.add(report, NAME, "gateway at " + rate, List.of(accepted), "accepted");
      report.add(
          NAME,
          "200 -> state visible in query API: p50",
          h.getValueAtPercentile(50) / 1000.0,
          "ms",
          h.getTotalCount() + " sampled webhooks, poll every " + VisibilityTracker.POLL_MS + " ms");
      report.add(
          NAME,
          "200 -> state visible in query API: p99",
          h.getValueAtPercentile(99) / 1000.0,
          "ms",
          "target <= 1,000 ms");
      report.add(
          NAME,
          "200 -> state visible in query API: max",
          h.getMaxValue() / 1000.0,
          "ms",
          tracker.lost() + " not visible within 10 s");
      tracker.close();
    } finally {
      BareHttpServer.await(vertx.close());
      ProcessorsBench.deleteQuietly(stateDir);
    }
  }

  static Settings processorSettings(BenchStack stack, Path stateDir) {
    return Settings.of(
        Map.of(
            CommonSettings.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers(),
            CommonSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
            ProcessorsConfig.PORT, "0",
            ProcessorsConfig.APPLICATION_ID, "bench-latency-" + System.nanoTime(),
            ProcessorsConfig.STATE_DIR, stateDir.toString()));
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms); // a poll interval in a measuring loop, not test synchronisation
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
