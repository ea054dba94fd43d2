package io.smartcarpipeline.launcher;

import io.smartcarpipeline.support.config.BindAddress;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Settings and lifecycle shared by the one-service subcommands. */
final class Services {

  private Services() {}

  /** Common defaults, then the service's own, then the properties file and the environment. */
  static Settings settings(Map<String, String> serviceDefaults, Map<String, String> env) {
    return Settings.load(CommonSettings.defaultsWith(serviceDefaults), env);
  }

  /**
   * {@code BIND_ADDRESS} for parts of one process that reach each other (and print their URLs) as
   * {@code localhost}: 127.0.0.1 (the default) or every interface; fails naming the setting.
   */
  static String localBindAddress(Map<String, String> env, String what) {
    String address = BindAddress.from(Settings.of(env));
    if (!BindAddress.reachableAsLocalhost(address)) {
      throw new ConfigException(
          BindAddress.KEY,
          what
              + "'s parts call each other on localhost, so it listens on 127.0.0.1 (the default) or"
              + " on every interface ("
              + BindAddress.KEY
              + "=0.0.0.0), not on "
              + address);
    }
    return address;
  }

  /** Blocks until Ctrl-C (or SIGTERM), then closes the service. */
  static void runUntilStopped(String name, AutoCloseable service) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping " + name + "…");
                  try {
                    service.close();
                  } catch (Exception e) {
                    System.err.println("error while stopping " + name + ": " + e.getMessage());
                  }
                  stopped.countDown();
                },
                "shutdown-" + name));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
