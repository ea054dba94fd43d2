package io.smartcarpipeline.launcher;

import io.smartcarpipeline.support.config.CommonSettings;
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
