package io.smartcarpipeline.launcher.demo;

import io.smartcarpipeline.support.config.BindAddress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link Demo} for the command line: the log to a file ({@link DemoLog}), a banner with
 * every URL and that file, a summary line every few seconds, and a clean stop with a final summary
 * of the whole run on Ctrl-C or after {@code --duration}.
 */
public final class DemoRun {

  private final Demo.Options options;
  private final Duration every;
  private final PrintStream out;

  public DemoRun(Demo.Options options, Duration every, PrintStream out) {
    this.options = options;
    this.every = every;
    this.out = out;
  }

  public int run() {
    long started = System.nanoTime();
    Path log = DemoLog.toFileIn(options.dataDir());
    out.printf(
        "Starting smartcar-pipeline demo with %d vehicles (data in %s%s)…%n",
        options.vehicles(),
        options.dataDir().toAbsolutePath(),
        log == null ? "" : ", log in " + log.getFileName());
    Demo demo = Demo.start(options);
    out.print(banner(demo, (System.nanoTime() - started) / 1e9, log));
    DemoSummary summary = new DemoSummary(System.nanoTime());
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              awaitQuietly(stopped, Duration.ofSeconds(60));
            },
            "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ticker.scheduleAtFixedRate(
        () -> out.println(summary.line(demo)),
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      if (options.expectedRun() == null) {
        awaitQuietly(stop, null);
      } else {
        awaitQuietly(stop, options.expectedRun());
      }
    } finally {
      ticker.shutdownNow();
      long end = System.nanoTime();
      out.println("Stopping…");
      demo.close();
      out.println("final: " + summary.finalLine(demo, end));
      stopped.countDown();
    }
    return 0;
  }

  /** What the demo prints once it is up: every URL, the log file, where it listens. */
  public static String banner(Demo demo, double seconds, Path log) {
    String q = "http://localhost:" + demo.queryPort();
    return String.format(
        "%n  smartcar-pipeline demo is up (%.1f s)%n%n"
            + "  Fleet page            %s/%n"
            + "  Query API             %s/vehicles  %s/vehicles/{id}/state  %s/vehicles/{id}/charging-sessions%n"
            + "  Webhook gateway       http://localhost:%d/webhooks/smartcar   (health /health/ready, /metrics)%n"
            + "  Command dispatcher    http://localhost:%d/metrics%n"
            + "  fleet-sync            POST http://localhost:%d/sync   (connections, subscriptions,"
            + " GET /compatibility?vehicle=V)%n"
            + "  Smartcar stand-in     %s   (request log %s/_sim/requests)%n"
            + "  Kafka                 %s%n"
            + "  Schema registry       %s%n"
            + "  Log                   %s%n"
            + "  Listening on          %s%n%n"
            + "  Topics: smartcar.vehicle-events.v1, smartcar.signals.v1, smartcar.vehicle-state.v1,"
            + " smartcar.charging-sessions.v1,%n"
            + "          smartcar.commands.v1, smartcar.command-results.v1, smartcar.connections.v1,"
            + " smartcar.dead-letters.v1%n"
            + "  Ctrl-C stops everything cleanly; the next 'demo' resumes from the data directory.%n%n",
        seconds,
        q,
        q,
        q,
        q,
        demo.gatewayPort(),
        demo.dispatcherPort(),
        demo.fleetSyncPort(),
        demo.sim().baseUrl(),
        demo.sim().baseUrl(),
        demo.stack().bootstrapServers(),
        demo.stack().schemaRegistryUrl(),
        log == null ? "the console (logback is not the logging backend)" : log,
        listening(demo.bindAddress()));
  }

  /** Where the ports listen, and how to change it, in one line. */
  static String listening(String bindAddress) {
    return BindAddress.LOOPBACK.equals(bindAddress)
        ? bindAddress
            + " only: this machine (BIND_ADDRESS=0.0.0.0 opens the HTTP ports to the network;"
            + " the broker stays on localhost)"
        : bindAddress
            + " (BIND_ADDRESS): reachable from the network; the registry has no authentication"
            + " and the stand-in's /_sim endpoints change its behaviour";
  }

  private static void awaitQuietly(CountDownLatch latch, Duration limit) {
    try {
      if (limit == null) {
        latch.await();
      } else {
        latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
