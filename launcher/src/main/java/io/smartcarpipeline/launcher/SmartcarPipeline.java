package io.smartcarpipeline.launcher;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code smartcar-pipeline} command: each service alone, or the embedded default. It only wires
 * command-line options to the services' own start methods.
 */
@Command(
    name = "smartcar-pipeline",
    mixinStandardHelpOptions = true,
    versionProvider = SmartcarPipeline.Version.class,
    description = "Kafka infrastructure for connected-vehicle data from the Smartcar API V3.",
    subcommands = {
      DemoCommand.class,
      KafkaCommand.class,
      GatewayCommand.class,
      ProcessorsCommand.class,
      DispatcherCommand.class,
      FleetSyncCommand.class,
      BackfillCommand.class,
      CompatibilityCommand.class,
      SimCommand.class,
      CommandCommand.class,
      io.smartcarpipeline.bench.BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SmartcarPipeline implements Runnable {

  /** Generated Avro classes are trusted for deserialisation only from this package. */
  static final String AVRO_PACKAGES = "io.smartcarpipeline.events";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
      System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", AVRO_PACKAGES);
    }
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /** The command line with the environment to pass to services (a map, so tests can pass one). */
  static CommandLine commandLine(Map<String, String> env) {
    CommandLine cl = new CommandLine(new SmartcarPipeline(), new EnvFactory(env));
    cl.setExecutionExceptionHandler(new Errors(env.containsKey("SMARTCAR_PIPELINE_DEBUG")));
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SmartcarPipeline.class.getPackage().getImplementationVersion();
      return new String[] {"smartcar-pipeline " + (v == null ? "dev" : v)};
    }
  }

  /**
   * Prints a failure as one line that says what to do, not a stack trace (set
   * SMARTCAR_PIPELINE_DEBUG to see the trace).
   */
  static final class Errors implements CommandLine.IExecutionExceptionHandler {
    private final boolean debug;

    Errors(boolean debug) {
      this.debug = debug;
    }

    @Override
    public int handleExecutionException(
        Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
      cl.getErr().println("error: " + e.getMessage());
      if (debug) {
        e.printStackTrace(cl.getErr());
      }
      return 1;
    }
  }

  /** Gives subcommands the environment map. */
  static final class EnvFactory implements CommandLine.IFactory {
    private final Map<String, String> env;

    EnvFactory(Map<String, String> env) {
      this.env = env;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (EnvAware.class.isAssignableFrom(cls)) {
        K k = CommandLine.defaultFactory().create(cls);
        ((EnvAware) k).env(env);
        return k;
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  /** A subcommand that reads settings from the environment. */
  interface EnvAware {
    void env(Map<String, String> env);
  }
}
