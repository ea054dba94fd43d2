package io.smartcarpipeline.launcher;

import io.smartcarpipeline.sim.fleet.SimRunner;
import io.smartcarpipeline.sim.load.LoadPlan;
import io.smartcarpipeline.sim.load.LoadRunner;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sim}: the Smartcar stand-in (API on 8090) and a fleet sending webhooks to a gateway; with
 * {@code --load-rate} or {@code --load-concurrency}, a bounded load run against the gateway
 * instead.
 */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Smartcar stand-in: the V3 token, commands, signals, connections and vehicle API"
          + " (/v3), the management API (/management/v3: webhooks, subscriptions) and the"
          + " compatibility API (/compatibility/v3) on SIM_PORT (8090), and a simulated fleet"
          + " sending signed webhooks to a gateway for its subscribed vehicles"
          + " (SIM_WEBHOOK_AUTO_ENROLL, default true, subscribes them all).",
      "Needs SMARTCAR_MANAGEMENT_TOKEN (the same as the gateway's). Fleet and fault settings:"
          + " smartcar-sim/README.md.",
      "With --load-rate R (open loop, fixed rate) or --load-concurrency N (closed loop, maximum"
          + " rate): no API and no fleet; signed VEHICLE_STATE webhooks to --gateway for --duration"
          + " (default 30s), a progress line every SIM_SUMMARY_INTERVAL and a latency summary."
    })
final class SimCommand implements Callable<Integer>, SmartcarPipeline.EnvAware {

  @Option(
      names = "--gateway",
      defaultValue = "http://localhost:8080/webhooks/smartcar",
      description = "Webhook URL of the gateway (default ${DEFAULT-VALUE}).")
  String gateway;

  @Option(
      names = "--vehicles",
      defaultValue = "8",
      description =
          "Fleet size; in load mode, the vehicle ids the webhooks cycle through (default"
              + " ${DEFAULT-VALUE}).")
  int vehicles;

  @Option(
      names = "--duration",
      description = "Stop after this long (e.g. 10m); default: until Ctrl-C (load mode: 30s).")
  String duration;

  @Option(
      names = "--load-rate",
      description = "Load mode, open loop: webhooks per second, latency from each intended send.")
  Double loadRate;

  @Option(
      names = "--load-concurrency",
      description = "Load mode, closed loop: webhooks kept outstanding (the maximum rate).")
  Integer loadConcurrency;

  @Option(
      names = "--load-signals",
      defaultValue = "10",
      description = "Load mode: signals per webhook, 1..30 (default ${DEFAULT-VALUE}).")
  int loadSignals;

  private static final Duration LOAD_DEFAULT = Duration.ofSeconds(30);

  private Map<String, String> env = Map.of();

  @Override
  public void env(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Duration run = duration == null ? null : CommandCommand.duration("--duration", duration);
    if (loadRate != null || loadConcurrency != null) {
      LoadPlan plan =
          new LoadPlan(
              gateway,
              loadRate == null ? 0 : loadRate,
              loadConcurrency == null ? 0 : loadConcurrency,
              run == null ? LOAD_DEFAULT : run,
              loadSignals,
              vehicles);
      return LoadRunner.run(env, plan, System.out);
    }
    return SimRunner.run(env, gateway, vehicles, run, System.out);
  }
}
