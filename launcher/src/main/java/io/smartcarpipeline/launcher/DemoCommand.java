package io.smartcarpipeline.launcher;

import io.smartcarpipeline.launcher.demo.Demo;
import io.smartcarpipeline.launcher.demo.DemoRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: everything on one machine, with a simulated fleet and a live summary. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole pipeline on this machine: embedded Kafka and schema registry, gateway,"
          + " stream processors, command dispatcher, a Smartcar stand-in with a simulated fleet"
          + " sending signed webhooks, and an example charging orchestrator.",
      "Prints every URL, then a summary line every few seconds; the full log goes to demo.log in"
          + " the data directory, and the terminal shows only warnings and errors to act on."
          + " Ctrl-C stops cleanly; a second run resumes from the data directory.",
      "Every port listens on 127.0.0.1 (this machine only) unless BIND_ADDRESS says otherwise"
          + " (e.g. BIND_ADDRESS=0.0.0.0 to open the demo to the network on purpose); the broker"
          + " stays on localhost."
    })
final class DemoCommand implements Callable<Integer>, SmartcarPipeline.EnvAware {

  private Map<String, String> env = Map.of();

  @Option(
      names = "--vehicles",
      defaultValue = "8",
      description = "Fleet size (default ${DEFAULT-VALUE}).")
  int vehicles;

  @Option(
      names = "--duration",
      description = "Stop after this long (e.g. 90s, 10m); default: run until Ctrl-C.")
  String duration;

  @Option(
      names = "--data-dir",
      defaultValue = ".smartcar-pipeline",
      description =
          "Broker data, stream state, generated demo secrets and the log, demo.log (default"
              + " ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--time-factor",
      defaultValue = "60",
      description =
          "Simulated seconds per real second (default ${DEFAULT-VALUE}: a day in 24 minutes).")
  double timeFactor;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Fleet seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--summary-every",
      defaultValue = "5s",
      description = "How often to print the summary line (default ${DEFAULT-VALUE}).")
  String summaryEvery;

  @Override
  public void env(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (vehicles < 1 || vehicles > 10_000) {
      throw new IllegalArgumentException("--vehicles must be 1..10000, got " + vehicles);
    }
    Duration run = duration == null ? null : CommandCommand.duration("--duration", duration);
    String bindAddress = Services.localBindAddress(env, "the demo");
    Demo.Options options =
        new Demo.Options(vehicles, dataDir, false, timeFactor, run, seed, bindAddress);
    return new DemoRun(
            options, CommandCommand.duration("--summary-every", summaryEvery), System.out)
        .run();
  }
}
