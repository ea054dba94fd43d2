package io.smartcarpipeline.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One service in a JVM of its own, started from this test's class path with its settings in the
 * environment, so that {@link #kill()} is a real {@code kill -9}: no shutdown hook, no flush, no
 * leave-group. Rule: {@link #close()} always leaves no process behind; its output goes to a log
 * file named in every failure.
 */
final class ServiceJvm implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofMinutes(2);

  private final String mainClass;
  private final List<String> args;
  private final Map<String, String> env;
  private final int port;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  private ServiceJvm(String mainClass, List<String> args, Map<String, String> env, int port) {
    this.mainClass = mainClass;
    this.args = List.copyOf(args);
    this.env = Map.copyOf(env);
    this.port = port;
    try {
      this.log =
          Files.createTempFile(
              "fault-" + mainClass.substring(mainClass.lastIndexOf('.') + 1) + "-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A service that is not started yet; {@code env} must set its HTTP port to {@code port}. */
  static ServiceJvm of(Class<?> mainClass, Map<String, String> env, int port) {
    return new ServiceJvm(mainClass.getName(), List.of(), env, port);
  }

  /** A JVM running {@code mainClass} with these arguments and no HTTP port; not started. */
  static ServiceJvm withArgs(Class<?> mainClass, List<String> args) {
    return new ServiceJvm(mainClass.getName(), args, Map.of(), 0);
  }

  /** Starts the JVM (again, after a kill) and waits until {@code /health/ready} answers 200. */
  Duration startAndAwaitReady() {
    return startAndAwait(() -> status("/health/ready") == 200);
  }

  /** Starts the JVM and waits until {@code ready}; returns how long that took. */
  Duration startAndAwait(Callable<Boolean> ready) {
    long startedAt = System.nanoTime();
    start();
    await()
        .alias(mainClass + " ready, log: " + log)
        .atMost(READY_WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .failFast("service exited, log: " + log, () -> !process.isAlive())
        .until(ready);
    return Duration.ofNanos(System.nanoTime() - startedAt);
  }

  /** Starts the JVM without waiting. */
  void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(mainClass + " already running");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                Stream.concat(
                        Stream.of(
                            java,
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.smartcarpipeline.events",
                            "-cp",
                            System.getProperty("java.class.path"),
                            mainClass),
                        args.stream())
                    .toList())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    try {
      process = builder.start();
      Process started = process;
      // no child outlives a test JVM that exits early (failsafe's timeout, Ctrl-C)
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + mainClass, e);
    }
  }

  /** SIGKILL, and waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(mainClass + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The HTTP status of a GET, 0 when nothing answers. */
  int status(String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  /** A port free right now, for a service told its port through the environment. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
