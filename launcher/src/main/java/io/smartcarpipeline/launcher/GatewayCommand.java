package io.smartcarpipeline.launcher;

import io.smartcarpipeline.gateway.GatewayApp;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code gateway}: the webhook ingest gateway, alone. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = {
      "Run the ingest gateway: Smartcar webhooks at POST /webhooks/smartcar ->"
          + " smartcar.vehicle-events.v1.",
      "Needs SMARTCAR_MANAGEMENT_TOKEN (the Application Management Token from the Smartcar"
          + " Dashboard); GATEWAY_PORT (8080). See ingest-gateway/README.md."
    })
final class GatewayCommand implements Runnable, SmartcarPipeline.EnvAware {

  private Map<String, String> env = Map.of();

  @Override
  public void env(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void run() {
    Settings settings = Services.settings(GatewayConfig.DEFAULTS, env);
    GatewayApp app = GatewayApp.start(settings);
    System.out.printf(
        "ingest-gateway running against %s%n  webhooks  POST http://localhost:%d/webhooks/smartcar%n"
            + "  health    http://localhost:%d/health/ready   metrics http://localhost:%d/metrics%n",
        settings.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS), app.port(), app.port(), app.port());
    Services.runUntilStopped("ingest-gateway", app);
  }
}
