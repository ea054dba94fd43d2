package io.smartcarpipeline.launcher;

import io.smartcarpipeline.sim.fleet.SimRunner;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sim}: the Smartcar stand-in (API on 8090) and a fleet sending webhooks to a gateway. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Smartcar stand-in: the V3 token, commands and signals API (SIM_PORT, 8090) and a"
          + " simulated fleet sending signed webhooks to a gateway.",
      "Needs SMARTCAR_MANAGEMENT_TOKEN (the same as the gateway's). Fleet and fault settings:"
          + " smartcar-sim/README.md."
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
      description = "Fleet size (default ${DEFAULT-VALUE}).")
  int vehicles;

  @Option(
      names = "--duration",
      description = "Stop after this long (e.g. 10m); default: until Ctrl-C.")
  String duration;

  private Map<String, String> env = Map.of();

  @Override
  public void env(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Duration run = duration == null ? null : CommandCommand.duration("--duration", duration);
    return SimRunner.run(env, gateway, vehicles, run, System.out);
  }
}
