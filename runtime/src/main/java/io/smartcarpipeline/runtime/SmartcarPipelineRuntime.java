package io.smartcarpipeline.runtime;

import io.smartcarpipeline.support.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code smartcar-pipeline-runtime} command, the entry point of the container image: {@code
 * gateway}, {@code processors} or {@code dispatcher} runs that service through its own {@code
 * main}. Nothing of the developer launcher (embedded broker, simulator, benchmarks) is reachable
 * from here, so none of it is in the jar.
 */
@Command(
    name = "smartcar-pipeline-runtime",
    mixinStandardHelpOptions = true,
    versionProvider = SmartcarPipelineRuntime.Version.class,
    description = {
      "Runs one smartcar-pipeline service against KAFKA_BOOTSTRAP_SERVERS and"
          + " SCHEMA_REGISTRY_URL, configured by environment variables (deploy/README.md)."
    })
public final class SmartcarPipelineRuntime implements Runnable {

  /** Avro 1.12 deserialises generated classes only from trusted packages. */
  static final String AVRO_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

  /** The package of our generated Avro classes. */
  public static final String AVRO_PACKAGES = "io.smartcarpipeline.events";

  /** The runtime's logging configuration, named so it never shadows another jar's logback.xml. */
  public static final String LOGBACK_CONFIG = "smartcar-pipeline-runtime-logback.xml";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Parses the arguments and starts the service. A service's {@code main} returns once it runs; its
   * own threads keep the JVM alive and its shutdown hook stops it, so only a failure exits here.
   */
  public static void main(String[] args) {
    setIfAbsent(AVRO_PROPERTY, AVRO_PACKAGES);
    setIfAbsent("logback.configurationFile", LOGBACK_CONFIG);
    int exitCode = commandLine().execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /** Exit code of a missing or bad setting, as the gateway's own {@code main} uses. */
  static final int CONFIG_ERROR = 2;

  /** The command line: one subcommand per {@link Service}. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SmartcarPipelineRuntime());
    for (Service service : Service.values()) {
      cl.addSubcommand(service.command(), service.spec());
    }
    cl.setExecutionExceptionHandler(SmartcarPipelineRuntime::configError);
    return cl;
  }

  /**
   * A missing or bad setting is one line naming it and exit code {@value #CONFIG_ERROR}, whichever
   * service it stopped; anything else keeps its stack trace.
   */
  static int configError(Exception e, CommandLine cl, CommandLine.ParseResult parsed)
      throws Exception {
    if (e instanceof ConfigException config) {
      cl.getErr().println("error: " + config.getMessage());
      return CONFIG_ERROR;
    }
    throw e;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SmartcarPipelineRuntime.class.getPackage().getImplementationVersion();
      return new String[] {"smartcar-pipeline-runtime " + (v == null ? "dev" : v)};
    }
  }
}
