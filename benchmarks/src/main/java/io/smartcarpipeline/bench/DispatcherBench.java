package io.smartcarpipeline.bench;

import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.dispatcher.config.DispatcherConfig;
import io.smartcarpipeline.dispatcher.metrics.CommandPhase;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.support.config.CommonSettings;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Benchmark 4: the dispatcher (in its own JVM) against the Smartcar stand-in. With no added
 * latency: per command, send → result readable, minus the Smartcar call time the dispatcher
 * reports, is the dispatcher's overhead (Kafka in and out, ledger marker, transaction). With 3 s of
 * latency on every command: how many commands it carries at once across distinct vehicles, and the
 * threads and heap that takes. Rule: budgets that would throttle on purpose (app-wide bucket,
 * per-vehicle spacing) are opened wide, so the figures are the dispatcher's own. Next to the
 * overhead seen from outside, the dispatcher's own phase timers ({@code
 * dispatcher_command_phase_seconds}, scraped before and after the step) split it into its own CPU
 * and queueing, waiting for Kafka, and the Smartcar call. Every step runs {@code --runs} times (a
 * fresh dispatcher JVM each); medians.
 */
final class DispatcherBench {

  static final String NAME = "dispatcher";

  private DispatcherBench() {}

  static void run(BenchOptions o, Report report) {
    int vehicles =
        (int)
            Math.max(
                o.inFlightCommands(),
                o.dispatcherRate() * (o.dispatcherDuration().toSeconds() + 2));
    try (BenchStack stack = BenchStack.start(o);
        SmartcarApiSim sim = BenchSims.pluggedInFleet(vehicles, b -> b.soc(40))) {
      RunFigures figures = new RunFigures();
      for (int i = 0; i < Math.max(1, o.runs()); i++) {
        sim.setFaults(FaultRules.none());
        overhead(o, figures, stack, sim);
        sim.setFaults(FaultRules.everywhere(FaultProfile.none().withLatency(3000, 3000)));
        inFlight(o, figures, stack, sim);
      }
      figures.report(report, NAME);
    }
  }

  static Map<String, String> env(BenchStack stack, SmartcarApiSim sim, int port, String group) {
    Map<String, String> env = new HashMap<>();
    env.put(CommonSettings.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
    env.put(CommonSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    env.put(DispatcherConfig.SMARTCAR_CLIENT_ID, "client_sim");
    env.put(DispatcherConfig.SMARTCAR_CLIENT_SECRET, "sim-secret");
    env.put(DispatcherConfig.SMARTCAR_API_V3_ORIGIN, sim.v3Origin());
    env.put(DispatcherConfig.SMARTCAR_IAM_ORIGIN, sim.iamOrigin());
    env.put(DispatcherConfig.PORT, String.valueOf(port));
    env.put(DispatcherConfig.GROUP_ID, group);
    env.put(DispatcherConfig.INSTANCE_ID, group + "-1");
    env.put(DispatcherConfig.MAX_IN_FLIGHT, "20000");
    env.put("DISPATCHER_RATE_BUCKET_CAPACITY", "100000000");
    env.put("DISPATCHER_RATE_REFILL_PER_MINUTE", "100000000");
    env.put("DISPATCHER_VEHICLE_SPACING", "1ms");
    return env;
  }

  private static ServiceProcess start(BenchStack stack, SmartcarApiSim sim, String group) {
    int port = BareHttpServer.freePort();
    return ServiceProcess.start(
        DispatcherApp.class.getName(), env(stack, sim, port, group), port, "512m");
  }

  private static void overhead(
      BenchOptions o, RunFigures report, BenchStack stack, SmartcarApiSim sim) {
    try (ServiceProcess dispatcher = start(stack, sim, "bench-dispatcher");
        CommandLoad load = new CommandLoad(stack)) {
      // warm-up: one command per vehicle of a small set, not recorded
      int warm = Math.max(5, o.dispatcherRate());
      sendAtRate(load, warm, o.dispatcherRate(), 0);
      awaitResults(load, warm, 60);
      load.endToEndMicros.reset();
      load.overheadMicros.reset();
      load.apiMicros.reset();
      long base = load.results.get();
      PhaseHistograms phasesBefore = PhaseHistograms.parse(dispatcher.get("/metrics").body());
      int count = (int) (o.dispatcherRate() * o.dispatcherDuration().toMillis() / 1000);
      sendAtRate(load, count, o.dispatcherRate(), warm);
      awaitResults(load, base + count, 60);
      awaitPhases(dispatcher, phasesBefore, load.results.get() - base);
      PhaseHistograms phases =
          PhaseHistograms.parse(dispatcher.get("/metrics").body()).since(phasesBefore);
      Histogram e2e = load.endToEndMicros.getIntervalHistogram();
      Histogram over = load.overheadMicros.getIntervalHistogram();
      Histogram api = load.apiMicros.getIntervalHistogram();
      String rate = String.format("%,d commands/s, no added latency", o.dispatcherRate());
      report.add(
          "overhead per command at " + rate + ": p50",
          over.getValueAtPercentile(50) / 1000.0,
          "ms",
          e2e.getTotalCount() + " commands; send -> result readable, minus Smartcar call time");
      report.add(
          "overhead per command: p99",
          over.getValueAtPercentile(99) / 1000.0,
          "ms",
          "target <= 5 ms");
      report.add("send -> result readable: p50", e2e.getValueAtPercentile(50) / 1000.0, "ms", "");
      report.add("send -> result readable: p99", e2e.getValueAtPercentile(99) / 1000.0, "ms", "");
      report.add(
          "Smartcar call (sim, lastAttemptMillis): p99",
          api.getValueAtPercentile(99) / 1000.0,
          "ms",
          "ms resolution");
      phaseRows(report, phases);
    }
  }

  /** Waits (briefly) until the phase timers saw the commit of every result read. */
  private static void awaitPhases(ServiceProcess dispatcher, PhaseHistograms before, long n) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      PhaseHistograms now = PhaseHistograms.parse(dispatcher.get("/metrics").body());
      if (now.since(before).count(CommandPhase.END_TO_END.tag()) >= n) {
        return;
      }
      LatencyBench.sleep(50);
    }
  }

  /** The dispatcher's own phase timers, labelled by what each phase waits for. */
  private static void phaseRows(RunFigures report, PhaseHistograms phases) {
    for (CommandPhase phase : CommandPhase.values()) {
      String label = "phase " + phase.tag() + " [" + spentOn(phase) + "]";
      String what = PHASES.get(phase);
      report.add(
          label + ": p50",
          phases.millisAt(phase.tag(), 50),
          "ms",
          what + "; " + phases.count(phase.tag()) + " samples");
      report.add(label + ": p99", phases.millisAt(phase.tag(), 99), "ms", "");
    }
  }

  private static String spentOn(CommandPhase phase) {
    if (phase == CommandPhase.MARKER) {
      return "Kafka ack + event-loop queueing";
    }
    return switch (phase.spentOn()) {
      case DISPATCHER -> "dispatcher CPU/queueing";
      case KAFKA -> "waiting for Kafka";
      case SMARTCAR -> "Smartcar sim";
      case ALL -> "dispatcher total";
    };
  }

  private static final Map<CommandPhase, String> PHASES =
      Map.of(
          CommandPhase.QUEUED,
          "polled -> head of vehicle queue on the event loop",
          CommandPhase.MARKER,
          "attempt marker produced -> ack handled on the event loop (marker_ack + the hop back)",
          CommandPhase.MARKER_ACK,
          "attempt marker produced -> broker ack on the producer I/O thread (acks=all)",
          CommandPhase.CALL,
          "HTTP request -> response",
          CommandPhase.RESULT,
          "response -> outcome handed to the committer",
          CommandPhase.BATCH_WAIT,
          "handed -> taken into a transaction (previous one committing)",
          CommandPhase.COMMIT,
          "transaction begun -> committed",
          CommandPhase.END_TO_END,
          "polled -> committed, inside the dispatcher");

  private static void inFlight(
      BenchOptions o, RunFigures report, BenchStack stack, SmartcarApiSim sim) {
    try (ServiceProcess dispatcher = start(stack, sim, "bench-dispatcher");
        CommandLoad load = new CommandLoad(stack)) {
      long idleThreads = dispatcher.threads();
      long idleHeap = dispatcher.heapAfterGc();
      int n = o.inFlightCommands();
      for (int v = 0; v < n; v++) {
        load.send(v);
      }
      load.flush();
      double peak = 0;
      long peakThreads = 0;
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (System.nanoTime() < deadline && peak < n) {
        peak = Math.max(peak, dispatcher.metric("dispatcher_commands_in_flight"));
        peakThreads = Math.max(peakThreads, dispatcher.threads());
        LatencyBench.sleep(100);
      }
      long heap = dispatcher.heapAfterGc();
      long rss = dispatcher.rssBytes();
      peakThreads = Math.max(peakThreads, dispatcher.threads());
      long first = System.nanoTime() + 15_000_000_000L;
      while (load.results.get() == 0 && System.nanoTime() < first) {
        LatencyBench.sleep(20);
      }
      long r0 = load.results.get();
      long t0 = System.nanoTime();
      LatencyBench.sleep(3000);
      double completionsPerSecond = (load.results.get() - r0) / ((System.nanoTime() - t0) / 1e9);
      report.add(
          "3 s latency: commands in flight (peak of gauge)",
          peak,
          "commands",
          n + " sent to " + n + " distinct vehicles; target >= 5,000");
      report.add(
          "3 s latency: calls on the wire (results/s x 3 s)",
          completionsPerSecond * 3,
          "calls",
          "Little's law: results/s over the 3 s after the first result");
      report.add("3 s latency: threads", peakThreads, "threads", "idle " + idleThreads);
      report.add(
          "3 s latency: heap after GC",
          heap / 1048576.0,
          "MiB",
          String.format("idle %.1f MiB", idleHeap / 1048576.0));
      report.add("3 s latency: RSS", rss / 1048576.0, "MiB", "");
    }
  }

  private static void sendAtRate(CommandLoad load, int count, int rate, int firstVehicle) {
    long start = System.nanoTime();
    double interval = 1e9 / rate;
    for (int i = 0; i < count; i++) {
      long due = start + (long) (i * interval);
      while (System.nanoTime() < due) {
        java.util.concurrent.locks.LockSupport.parkNanos(Math.max(1000, due - System.nanoTime()));
      }
      load.send(firstVehicle + i);
    }
    load.flush();
  }

  private static void awaitResults(CommandLoad load, long expected, int seconds) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (load.results.get() < expected && System.nanoTime() < deadline) {
      LatencyBench.sleep(20);
    }
  }
}
