package io.smartcarpipeline.launcher;

import io.smartcarpipeline.fleetsync.FleetSyncApp;
import io.smartcarpipeline.support.config.Settings;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code fleet-sync}: the fleet-sync service, alone. */
@Command(
    name = "fleet-sync",
    mixinStandardHelpOptions = true,
    description = {
      "Run fleet-sync: Smartcar V3 connections -> smartcar.connections.v1, webhook subscriptions"
          + " reconciled for SMARTCAR_WEBHOOK_IDS, compatibility; POST /sync syncs now.",
      "Needs SMARTCAR_CLIENT_ID and SMARTCAR_CLIENT_SECRET; SMARTCAR_API_V3_ORIGIN,"
          + " SMARTCAR_MANAGEMENT_API_ORIGIN, SMARTCAR_COMPATIBILITY_API_ORIGIN and"
          + " SMARTCAR_IAM_ORIGIN point it elsewhere (e.g. at 'smartcar-pipeline sim')."
    })
final class FleetSyncCommand extends ServiceCommand<FleetSyncApp> {

  @Override
  String name() {
    return "fleet-sync";
  }

  @Override
  Map<String, String> defaults() {
    return Map.of();
  }

  @Override
  FleetSyncApp start(Settings settings) {
    return FleetSyncApp.start(settings);
  }

  @Override
  String endpoints(FleetSyncApp app) {
    return String.format("  sync now   curl -X POST http://localhost:%d/sync%n", app.port())
        + ops(app.port());
  }
}
