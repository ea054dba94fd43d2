package io.smartcarpipeline.bench;

import io.smartcarpipeline.support.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smartcar-pipeline bench <gateway|processors|latency|dispatcher|memory|jmh|all>}: runs the
 * benchmarks of BENCHMARKS.md, each against its own embedded broker and registry (unless {@code
 * --bootstrap-servers} points elsewhere), prints one table and, with {@code --out}, appends it as a
 * Markdown section with the machine and the exact command. Rule: defaults keep {@code bench all}
 * under 10 minutes on a 2-core machine; every figure is a median over {@code --runs}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Throughput, latency and memory of each service against this machine's ceilings.")
public final class BenchCommand implements Callable<Integer> {

  /** What to run. */
  public enum Target {
    gateway,
    processors,
    latency,
    dispatcher,
    memory,
    jmh,
    all
  }

  @Parameters(
      index = "0",
      description = "gateway, processors, latency, dispatcher, memory, jmh or all")
  Target target;

  @Option(
      names = "--out",
      description = "append a Markdown section to this file (e.g. BENCHMARKS.md)")
  Path out;

  @Option(
      names = "--smoke",
      description = "tiny sizes: every benchmark in seconds (the smoke test)")
  boolean smoke;

  @Option(
      names = "--runs",
      defaultValue = "1",
      description = "repeat each measurement; report medians (default ${DEFAULT-VALUE})")
  int runs;

  @Option(
      names = "--duration",
      defaultValue = "6s",
      converter = DurationConverter.class,
      description = "one gateway load step (default ${DEFAULT-VALUE})")
  Duration duration;

  @Option(
      names = "--warmup",
      defaultValue = "8s",
      converter = DurationConverter.class,
      description = "warm-up before measuring (default ${DEFAULT-VALUE})")
  Duration warmup;

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "1000,5000",
      description = "fixed gateway rates, webhooks/s (default ${DEFAULT-VALUE})")
  List<Integer> rates;

  @Option(
      names = "--concurrency",
      defaultValue = "64",
      description = "requests outstanding at max rate (default ${DEFAULT-VALUE})")
  int concurrency;

  @Option(
      names = "--signals",
      split = ",",
      defaultValue = "10,30",
      description = "signals per webhook (default ${DEFAULT-VALUE})")
  List<Integer> signals;

  @Option(
      names = "--processors-signals",
      defaultValue = "1000000",
      description = "signals' worth of events to preload (default ${DEFAULT-VALUE})")
  int processorsSignals;

  @Option(
      names = "--processors-vehicles",
      defaultValue = "5000",
      description = "vehicles of the preload (default ${DEFAULT-VALUE})")
  int processorsVehicles;

  @Option(
      names = "--stream-threads",
      defaultValue = "1",
      description = "Kafka Streams threads (default ${DEFAULT-VALUE})")
  int streamThreads;

  @Option(
      names = "--latency-rate",
      defaultValue = "1000",
      description = "webhooks/s of the latency benchmark (default ${DEFAULT-VALUE})")
  int latencyRate;

  @Option(
      names = "--latency-duration",
      defaultValue = "20s",
      converter = DurationConverter.class,
      description = "(default ${DEFAULT-VALUE})")
  Duration latencyDuration;

  @Option(
      names = "--dispatcher-rate",
      defaultValue = "200",
      description = "commands/s of the overhead step (default ${DEFAULT-VALUE})")
  int dispatcherRate;

  @Option(
      names = "--dispatcher-duration",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "(default ${DEFAULT-VALUE})")
  Duration dispatcherDuration;

  @Option(
      names = "--in-flight",
      defaultValue = "5000",
      description = "commands sent at once against 3 s latency (default ${DEFAULT-VALUE})")
  int inFlight;

  @Option(
      names = "--memory-vehicles",
      defaultValue = "10000",
      description = "vehicles of the memory benchmark (default ${DEFAULT-VALUE})")
  int memoryVehicles;

  @Option(
      names = "--bootstrap-servers",
      description = "use this Kafka cluster instead of an embedded one")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", description = "with --bootstrap-servers: its registry")
  String schemaRegistryUrl;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Report report;

  /** Picocli needs a public no-arg constructor. */
  public BenchCommand() {}

  /** The figures of the last run (the smoke test reads them). */
  public Report report() {
    return report;
  }

  BenchOptions options() {
    if (smoke) {
      BenchOptions s = BenchOptions.smoke();
      return new BenchOptions(
          s.runs(),
          s.duration(),
          s.warmup(),
          s.rates(),
          s.concurrency(),
          s.signalSizes(),
          s.processorsSignals(),
          s.processorsVehicles(),
          s.streamThreads(),
          s.latencyRate(),
          s.latencyDuration(),
          s.dispatcherRate(),
          s.dispatcherDuration(),
          s.inFlightCommands(),
          s.memoryVehicles(),
          true,
          bootstrapServers,
          schemaRegistryUrl);
    }
    return new BenchOptions(
        runs,
        duration,
        warmup,
        rates,
        concurrency,
        signals,
        processorsSignals,
        processorsVehicles,
        streamThreads,
        latencyRate,
        latencyDuration,
        dispatcherRate,
        dispatcherDuration,
        inFlight,
        memoryVehicles,
        false,
        bootstrapServers,
        schemaRegistryUrl);
  }

  @Override
  public Integer call() throws Exception {
    System.setProperty(
        "org.apache.avro.SERIALIZABLE_PACKAGES",
        System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.smartcarpipeline.events"));
    Machine machine = Machine.current();
    String load = machine.loadAverage();
    BenchOptions o = options();
    report = new Report(System.out);
    System.out.println("# bench " + target + " on " + machine.describe() + "; load " + load);
    List<Target> targets =
        target == Target.all
            ? List.of(
                Target.gateway,
                Target.processors,
                Target.latency,
                Target.dispatcher,
                Target.memory,
                Target.jmh)
            : List.of(target);
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    for (Target t : targets) {
      long t0 = System.nanoTime();
      try {
        runOne(t, o);
      } catch (RuntimeException e) {
        failures.add(t + ": " + e);
        report.add(t.name(), "FAILED", 0, "", e.toString());
      }
      report.add(t.name(), "benchmark wall time", (System.nanoTime() - t0) / 1e9, "s", "");
    }
    report.add(
        "all",
        "total wall time",
        (System.nanoTime() - start) / 1e9,
        "s",
        "load average at start " + load);
    if (out != null) {
      report.appendMarkdown(out, commandLine(), machine, load);
    }
    return failures.isEmpty() ? 0 : 1;
  }

  private void runOne(Target t, BenchOptions o) {
    switch (t) {
      case gateway -> GatewayBench.run(o, report);
      case processors -> ProcessorsBench.run(o, report);
      case latency -> LatencyBench.run(o, report);
      case dispatcher -> DispatcherBench.run(o, report);
      case memory -> MemoryBench.run(o, report);
      case jmh -> JmhBench.run(o, report);
      case all -> throw new IllegalArgumentException("all is expanded above");
    }
  }

  private String commandLine() {
    List<String> args =
        spec == null ? List.of() : spec.commandLine().getParseResult().originalArgs();
    // under the launcher the original arguments start with the subcommand's own name
    if (!args.isEmpty() && args.get(0).equals("bench")) {
      args = args.subList(1, args.size());
    }
    return "bin/smartcar-pipeline bench " + String.join(" ", args);
  }

  /** Runs {@code bench} on its own (the JMH and IDE entry point). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  /** Reads a duration option in the pipeline's one grammar ({@link Durations}). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
