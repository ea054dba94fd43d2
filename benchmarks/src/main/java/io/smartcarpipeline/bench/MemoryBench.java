package io.smartcarpipeline.bench;

import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.gateway.GatewayApp;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.processors.ProcessorsApp;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.load.LoadGenerator;
import io.smartcarpipeline.sim.load.LoadResult;
import io.smartcarpipeline.sim.load.WebhookLoad;
import io.smartcarpipeline.support.config.CommonSettings;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Benchmark 5: each service in its own JVM ({@code -Xmx512m}, G1), measured idle and again once it
 * holds {@code N} vehicles' state: the gateway after N webhooks (one per vehicle), the processors
 * after catching up on N vehicles × 3 events, the dispatcher after one command per vehicle. Rule:
 * heap is "used after a full GC" ({@code jcmd GC.run}, then {@code GC.heap_info}); RSS is the whole
 * process (heap committed, metaspace, threads, RocksDB, direct buffers).
 */
final class MemoryBench {

  static final String NAME = "memory";

  private MemoryBench() {}

  static void run(BenchOptions o, Report report) {
    int n = o.memoryVehicles();
    try (BenchStack stack = BenchStack.start(o)) {
      gateway(stack, n, report);
      processors(stack, n, report);
      dispatcher(o, stack, n, report);
    }
  }

  private static Map<String, String> common(BenchStack stack) {
    Map<String, String> env = new HashMap<>();
    env.put(CommonSettings.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
    env.put(CommonSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    return env;
  }

  private static void gateway(BenchStack stack, int n, Report report) {
    int port = BareHttpServer.freePort();
    Map<String, String> env = common(stack);
    env.put(GatewayConfig.MANAGEMENT_TOKEN, BenchOptions.TOKEN);
    env.put(GatewayConfig.PORT, String.valueOf(port));
    try (ServiceProcess p = ServiceProcess.start(GatewayApp.class.getName(), env, port, "512m")) {
      Sample idle = Sample.of(p);
      Vertx vertx = Vertx.vertx();
      try (LoadGenerator gen =
          new LoadGenerator(vertx, "localhost", port, "/webhooks/smartcar", 64, 1)) {
        int rate = Math.min(2000, n);
        LoadResult r =
            gen.openLoop(
                new WebhookLoad(BenchOptions.TOKEN, 10, n),
                rate,
                Duration.ofMillis(1000L * n / rate));
        if (r.ok() == 0) {
          throw new IllegalStateException("gateway accepted no webhook");
        }
      } finally {
        BareHttpServer.await(vertx.close());
      }
      Sample.of(p).report(report, "ingest-gateway", n + " vehicles (one webhook each)", idle);
    }
  }

  private static void processors(BenchStack stack, int n, Report report) {
    Preloader.load(stack, n * 3 * Preloader.SIGNALS_PER_EVENT, n, 11);
    int port = BareHttpServer.freePort();
    Path state = ProcessorsBench.tempDir();
    String appId = "bench-memory-" + System.nanoTime();
    Map<String, String> env = common(stack);
    env.put(ProcessorsConfig.PORT, String.valueOf(port));
    env.put(ProcessorsConfig.STATE_DIR, state.toString());
    env.put(ProcessorsConfig.APPLICATION_ID, appId);
    try (ServiceProcess p = ServiceProcess.start(ProcessorsApp.class.getName(), env, port, "512m");
        var admin = stack.admin()) {
      ProcessorsBench.waitCaughtUp(admin, appId, ProcessorsBench.endOffsets(admin));
      Sample.of(p)
          .report(report, "stream-processors", n + " vehicles' state (3 events each)", null);
    } finally {
      ProcessorsBench.deleteQuietly(state);
    }
  }

  private static void dispatcher(BenchOptions o, BenchStack stack, int n, Report report) {
    try (SmartcarApiSim sim = BenchSims.pluggedInFleet(n, b -> b)) {
      int port = BareHttpServer.freePort();
      try (ServiceProcess p =
              ServiceProcess.start(
                  DispatcherApp.class.getName(),
                  DispatcherBench.env(stack, sim, port, "bench-memory-dispatcher"),
                  port,
                  "512m");
          CommandLoad load = new CommandLoad(stack)) {
        Sample idle = Sample.of(p);
        for (int v = 0; v < n; v++) {
          load.send(v);
        }
        load.flush();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (load.results.get() < n && System.nanoTime() < deadline) {
          LatencyBench.sleep(100);
        }
        Sample.of(p)
            .report(
                report,
                "command-dispatcher",
                load.results.get() + " of " + n + " commands done, one per vehicle",
                idle);
      }
    }
  }

  /** One measurement of a service process. */
  private record Sample(long heap, long rss, long threads) {
    static Sample of(ServiceProcess p) {
      return new Sample(p.heapAfterGc(), p.rssBytes(), p.threads());
    }

    void report(Report report, String service, String what, Sample idle) {
      String idleHeap = idle == null ? "" : String.format("idle %.1f MiB; ", idle.heap / 1048576.0);
      String idleRss = idle == null ? "" : String.format("idle %.1f MiB; ", idle.rss / 1048576.0);
      report.add(
          NAME,
          service + ": heap after GC",
          heap / 1048576.0,
          "MiB",
          idleHeap + what + "; target <= 256 MiB");
      report.add(NAME, service + ": RSS", rss / 1048576.0, "MiB", idleRss + threads + " threads");
    }
  }
}
