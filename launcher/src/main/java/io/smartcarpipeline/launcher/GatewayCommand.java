package io.smartcarpipeline.launcher;

import io.smartcarpipeline.gateway.GatewayApp;
import io.smartcarpipeline.gateway.config.GatewayConfig;
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
final class GatewayCommand extends ServiceCommand<GatewayApp> {

  @Override
  String name() {
    return "ingest-gateway";
  }

  @Override
  Map<String, String> defaults() {
    return GatewayConfig.DEFAULTS;
  }

  @Override
  GatewayApp start(Settings settings) {
    return GatewayApp.start(settings);
  }

  @Override
  String endpoints(GatewayApp app) {
    return String.format("  webhooks   POST http://localhost:%d/webhooks/smartcar%n", app.port())
        + ops(app.port());
  }
}
