package io.smartcarpipeline.runtime;

import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.fleetsync.FleetSyncApp;
import io.smartcarpipeline.gateway.GatewayApp;
import io.smartcarpipeline.processors.ProcessorsApp;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The services the runtime runs: the subcommand (the same words as the launcher's and the deploy
 * manifests'), its help text, and the service's own {@code main}, which reads its settings from the
 * environment.
 */
enum Service {
  GATEWAY(
      "gateway",
      GatewayApp::main,
      "Run the ingest gateway: Smartcar webhooks at POST /webhooks/smartcar ->"
          + " smartcar.vehicle-events.v1.",
      "Needs SMARTCAR_MANAGEMENT_TOKEN; GATEWAY_PORT (8080). See ingest-gateway/README.md."),
  PROCESSORS(
      "processors",
      ProcessorsApp::main,
      "Run the stream processors (dedup + signals, vehicle state, charging sessions) and the"
          + " query API.",
      "Settings: PROCESSORS_PORT (8082), PROCESSORS_STATE_DIR, … (stream-processors/README.md)."),
  DISPATCHER(
      "dispatcher",
      DispatcherApp::main,
      "Run the command dispatcher: smartcar.commands.v1 -> Smartcar V3 commands API ->"
          + " smartcar.command-results.v1.",
      "Needs SMARTCAR_CLIENT_ID and SMARTCAR_CLIENT_SECRET; DISPATCHER_PORT (8083)."),
  FLEET_SYNC(
      "fleet-sync",
      FleetSyncApp::main,
      "Run fleet-sync: Smartcar V3 connections -> smartcar.connections.v1, webhook subscriptions"
          + " reconciled, compatibility.",
      "Needs SMARTCAR_CLIENT_ID, SMARTCAR_CLIENT_SECRET and SMARTCAR_WEBHOOK_IDS; FLEET_SYNC_PORT"
          + " (8084). See fleet-sync/README.md.");

  private final String command;
  private final Consumer<String[]> main;
  private final String[] description;

  Service(String command, Consumer<String[]> main, String... description) {
    this.command = command;
    this.main = main;
    this.description = description;
  }

  /** The subcommand that runs it. */
  String command() {
    return command;
  }

  /** The subcommand: {@code --help} prints the description, anything else starts the service. */
  CommandSpec spec() {
    CommandSpec spec =
        CommandSpec.wrapWithoutInspection((Runnable) () -> main.accept(new String[0]));
    spec.name(command);
    spec.mixinStandardHelpOptions(true);
    spec.usageMessage().description(description);
    return spec;
  }
}
