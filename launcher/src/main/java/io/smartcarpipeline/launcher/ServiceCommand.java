package io.smartcarpipeline.launcher;

import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import java.util.Map;

/**
 * A subcommand that runs one service until Ctrl-C: loads its settings (common defaults, the
 * service's defaults, the optional file, the environment), starts it, says where it listens.
 *
 * @param <S> the running service
 */
abstract class ServiceCommand<S extends AutoCloseable>
    implements Runnable, SmartcarPipeline.EnvAware {

  private Map<String, String> env = Map.of();

  @Override
  public final void env(Map<String, String> env) {
    this.env = env;
  }

  /** The service's name in messages. */
  abstract String name();

  /** The service's own defaults. */
  abstract Map<String, String> defaults();

  /** Starts the service; a bad setting throws naming it. */
  abstract S start(Settings settings);

  /** Lines saying where the service listens. */
  abstract String endpoints(S service);

  @Override
  public final void run() {
    Settings settings = Services.settings(defaults(), env);
    S service = start(settings);
    System.out.printf(
        "%s running against %s%n%s%n",
        name(), settings.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS), endpoints(service));
    Services.runUntilStopped(name(), service);
  }

  /** The health and metrics lines every service has. */
  static String ops(int port) {
    return String.format(
        "  health     http://localhost:%d/health/ready   metrics http://localhost:%d/metrics",
        port, port);
  }
}
