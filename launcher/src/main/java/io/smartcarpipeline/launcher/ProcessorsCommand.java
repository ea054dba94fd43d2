package io.smartcarpipeline.launcher;

import io.smartcarpipeline.processors.ProcessorsApp;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code processors}: the Kafka Streams topologies and the query API, alone. */
@Command(
    name = "processors",
    mixinStandardHelpOptions = true,
    description = {
      "Run the stream processors (dedup + signals, vehicle state, charging sessions) and the"
          + " query API against KAFKA_BOOTSTRAP_SERVERS / SCHEMA_REGISTRY_URL.",
      "Settings: PROCESSORS_PORT (8082), PROCESSORS_STATE_DIR, PROCESSORS_STREAM_THREADS, …"
          + " (stream-processors/README.md)."
    })
final class ProcessorsCommand implements Runnable, SmartcarPipeline.EnvAware {

  private Map<String, String> env = Map.of();

  @Override
  public void env(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void run() {
    Settings settings = Services.settings(ProcessorsConfig.defaults(), env);
    ProcessorsApp app = ProcessorsApp.start(settings);
    System.out.printf(
        "stream-processors running against %s%n  query API  http://localhost:%d/vehicles%n"
            + "  health     http://localhost:%d/health/ready   metrics http://localhost:%d/metrics%n",
        settings.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS), app.port(), app.port(), app.port());
    Services.runUntilStopped("stream-processors", app);
  }
}
