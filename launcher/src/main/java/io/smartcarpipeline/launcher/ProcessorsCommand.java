package io.smartcarpipeline.launcher;

import io.smartcarpipeline.processors.ProcessorsApp;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
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
final class ProcessorsCommand extends ServiceCommand<ProcessorsApp> {

  @Override
  String name() {
    return "stream-processors";
  }

  @Override
  Map<String, String> defaults() {
    return ProcessorsConfig.defaults();
  }

  @Override
  ProcessorsApp start(Settings settings) {
    return ProcessorsApp.start(settings);
  }

  @Override
  String endpoints(ProcessorsApp app) {
    return String.format(
            "  fleet page http://localhost:%d/   query API http://localhost:%d/vehicles%n",
            app.port(), app.port())
        + ops(app.port());
  }
}
