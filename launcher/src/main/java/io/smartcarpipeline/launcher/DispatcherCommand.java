package io.smartcarpipeline.launcher;

import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code dispatcher}: the command dispatcher, alone. */
@Command(
    name = "dispatcher",
    mixinStandardHelpOptions = true,
    description = {
      "Run the command dispatcher: smartcar.commands.v1 -> Smartcar V3 commands API ->"
          + " smartcar.command-results.v1.",
      "Needs SMARTCAR_CLIENT_ID and SMARTCAR_CLIENT_SECRET; SMARTCAR_API_V3_ORIGIN and"
          + " SMARTCAR_IAM_ORIGIN point it elsewhere (e.g. at 'smartcar-pipeline sim')."
    })
final class DispatcherCommand implements Runnable, SmartcarPipeline.EnvAware {

  private Map<String, String> env = Map.of();

  @Override
  public void env(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void run() {
    Settings settings = Services.settings(Map.of(), env);
    DispatcherApp app = DispatcherApp.start(settings);
    System.out.printf(
        "command-dispatcher running against %s%n  health  http://localhost:%d/health/ready"
            + "   metrics http://localhost:%d/metrics%n",
        settings.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS), app.port(), app.port());
    Services.runUntilStopped("command-dispatcher", app);
  }
}
