package io.smartcarpipeline.launcher.demo;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Switches logging to the demo's configuration ({@code logback-demo.xml}): the full log to a file
 * in the data directory, and on the terminal only our warnings and everyone's errors, so the banner
 * and the summary lines stay readable. The rules live in that file, not here.
 */
public final class DemoLog {

  /** The demo's configuration, next to the launcher's {@code logback.xml}. */
  static final String CONFIG = "/logback-demo.xml";

  /** The property the configuration reads the log file's path from. */
  static final String FILE_PROPERTY = "DEMO_LOG_FILE";

  private DemoLog() {}

  /**
   * Sends the log to {@code demo.log} in {@code dataDir} and returns that file; leaves logging as
   * it is (and returns null) when logback is not the SLF4J binding.
   */
  public static Path toFileIn(Path dataDir) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return null;
    }
    Path file = dataDir.resolve("demo.log").toAbsolutePath();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
    configure(context, file);
    return file;
  }

  /** Replaces {@code context}'s configuration with the demo's, logging to {@code file}. */
  static void configure(LoggerContext context, Path file) {
    URL config = DemoLog.class.getResource(CONFIG);
    if (config == null) {
      throw new IllegalStateException(CONFIG + " is missing from the launcher jar");
    }
    long since = System.currentTimeMillis();
    context.reset();
    context.putProperty(FILE_PROPERTY, file.toString());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot apply " + CONFIG + ": " + e.getMessage(), e);
    }
    // a bad appender or pattern is reported in logback's status, not thrown: show it
    StatusPrinter2 status = new StatusPrinter2();
    status.setPrintStream(System.err);
    status.printInCaseOfErrorsOrWarnings(context, since);
  }
}
