package io.smartcarpipeline.launcher;

import io.smartcarpipeline.dispatcher.CommandProducer;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code command}: puts one command on smartcar.commands.v1 and, with --wait, prints its result.
 */
@Command(
    name = "command",
    mixinStandardHelpOptions = true,
    description = {
      "Put a command on smartcar.commands.v1; with --wait, print its result as JSON.",
      "TYPE: START_CHARGING, STOP_CHARGING, SET_CHARGE_LIMIT, LOCK, UNLOCK, SET_DESTINATION"
          + " (any case, '-' or '_')."
    })
final class CommandCommand implements Callable<Integer>, SmartcarPipeline.EnvAware {

  @Parameters(index = "0", paramLabel = "TYPE", description = "The command.")
  String type;

  @Option(names = "--vehicle", required = true, description = "Smartcar vehicle id.")
  String vehicle;

  @Option(names = "--user", required = true, description = "Smartcar user id (sc-user-id).")
  String user;

  @Option(names = "--percent", description = "SET_CHARGE_LIMIT: 50 to 100.")
  Integer percent;

  @Option(names = "--latitude", description = "SET_DESTINATION: -90 to 90.")
  Double latitude;

  @Option(names = "--longitude", description = "SET_DESTINATION: -180 to 180.")
  Double longitude;

  @Option(
      names = "--ttl",
      description =
          "Expire the command after this long (e.g. 5m); default: the dispatcher's maximum age.")
  String ttl;

  @Option(names = "--wait", description = "Wait for the result and print it.")
  boolean await;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      description = "How long --wait waits (default ${DEFAULT-VALUE}).")
  String timeout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Map<String, String> env = Map.of();

  @Override
  public void env(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Settings settings = Services.settings(Map.of(), env);
    CommandType commandType = parseType(type);
    CommandRequest request =
        CommandProducer.request(
            commandType,
            vehicle,
            user,
            percent,
            latitude,
            longitude,
            ttl == null ? null : duration("--ttl", ttl));
    try (CommandProducer producer = new CommandProducer(KafkaClientSettings.from(settings))) {
      if (!await) {
        producer.send(request);
        spec.commandLine().getOut().println("sent commandId=" + request.getCommandId());
        return 0;
      }
      Duration wait = duration("--timeout", timeout);
      spec.commandLine()
          .getErr()
          .println("sent commandId=" + request.getCommandId() + ", waiting up to " + wait);
      Optional<CommandResult> result = producer.sendAndWait(request, wait);
      if (result.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "no result within "
                    + wait
                    + ": is the dispatcher running? (bin/smartcar-pipeline dispatcher)");
        return 2;
      }
      spec.commandLine().getOut().println(CommandProducer.toJson(result.get()));
      return result.get().getStatus().name().equals("SUCCEEDED") ? 0 : 3;
    }
  }

  private static CommandType parseType(String text) {
    String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(CommandType.values())
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown command type '"
                        + text
                        + "'; use one of "
                        + Arrays.toString(CommandType.values())));
  }

  /** Parses an option's duration (5m, 30s, PT1M) with an error naming the option. */
  static Duration duration(String option, String text) {
    return Settings.of(Map.of(option, text)).duration(option);
  }
}
