package io.smartcarpipeline.launcher;

import io.smartcarpipeline.dispatcher.DispatcherApp;
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
final class DispatcherCommand extends ServiceCommand<DispatcherApp> {

  @Override
  String name() {
    return "command-dispatcher";
  }

  @Override
  Map<String, String> defaults() {
    return Map.of();
  }

  @Override
  DispatcherApp start(Settings settings) {
    return DispatcherApp.start(settings);
  }

  @Override
  String endpoints(DispatcherApp app) {
    return ops(app.port());
  }
}
