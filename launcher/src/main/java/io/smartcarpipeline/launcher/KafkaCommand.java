package io.smartcarpipeline.launcher;

import io.smartcarpipeline.localstack.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kafka}: only the embedded broker and schema registry, for development. */
@Command(
    name = "kafka",
    mixinStandardHelpOptions = true,
    description = "Start the embedded Apache Kafka broker (KRaft) and schema registry.")
final class KafkaCommand implements Runnable, SmartcarPipeline.EnvAware {

  private Map<String, String> env = Map.of();

  @Override
  public void env(Map<String, String> env) {
    this.env = env;
  }

  @Option(
      names = "--kafka-port",
      defaultValue = "9092",
      description = "Broker port (default ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--registry-port",
      defaultValue = "8081",
      description = "Schema registry port (default ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(
      names = "--data-dir",
      defaultValue = ".smartcar-pipeline",
      description =
          "Where the broker keeps its data, so a restart resumes (default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public void run() {
    long started = System.nanoTime();
    LocalStack stack =
        LocalStack.start(
            LocalStack.Options.defaults()
                .withKafkaPort(kafkaPort)
                .withSchemaRegistryPort(registryPort)
                .withDataDir(dataDir)
                .withAutoCreateTopics(true)
                .withBindAddress(Services.localBindAddress(env, "the local stack")));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the broker and registry…");
                  stack.close();
                  stopped.countDown();
                },
                "shutdown"));
    System.out.printf(
        "%nsmartcar-pipeline local stack is up (%.1f s)%n"
            + "  Kafka bootstrap servers  %s%n"
            + "  Schema registry          %s%n"
            + "  Data directory           %s%n"
            + "Point the services at them with KAFKA_BOOTSTRAP_SERVERS and SCHEMA_REGISTRY_URL."
            + " Ctrl-C stops.%n",
        took.toMillis() / 1000.0,
        stack.bootstrapServers(),
        stack.schemaRegistryUrl(),
        dataDir.toAbsolutePath());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
