package io.smartcarpipeline.support.service;

import io.smartcarpipeline.support.config.ConfigException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main} of every service: trusts the Avro package, starts the service, stops it on
 * SIGTERM / Ctrl-C. A bad setting exits with status 2 and one line on stderr, {@code error: Setting
 * KEY: what is wrong}; any other failure to start is logged and exits with status 1 after the start
 * rolled back (see {@link Lifecycle}).
 */
public final class ServiceMain {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);

  private ServiceMain() {}

  /** Runs {@code start} as process {@code service}; returns once it is up. */
  public static void run(String service, Supplier<? extends AutoCloseable> start) {
    AvroPackages.trust();
    AutoCloseable app;
    try {
      app = start.get();
    } catch (ConfigException e) {
      // one line, no stack trace: the message names the setting and what it expects
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    } catch (RuntimeException e) {
      LOG.error("service_start_failed service={} error={}", service, e.getMessage(), e);
      System.err.println(service + " could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    app.close();
                  } catch (Exception e) {
                    LOG.warn("service_stop_failed service={} error={}", service, e.toString());
                  }
                },
                service + "-shutdown"));
  }
}
