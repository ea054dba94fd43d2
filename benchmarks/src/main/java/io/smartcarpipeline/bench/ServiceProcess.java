package io.smartcarpipeline.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service in its own JVM (same class path as this one), so its heap, RSS and threads are its
 * own. Rule: heap is measured after a full GC requested with {@code jcmd <pid> GC.run} and read
 * with {@code GC.heap_info}; RSS and threads come from {@code /proc/<pid>/status}.
 */
final class ServiceProcess implements AutoCloseable {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServiceProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code mainClass} with {@code env} and waits until {@code /health/live} on {@code port}.
   */
  static ServiceProcess start(String mainClass, Map<String, String> env, int port, String heap) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.smartcarpipeline.events",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
    try {
      File log =
          Files.createTempFile(
                  "bench-" + mainClass.substring(mainClass.lastIndexOf('.') + 1), ".log")
              .toFile();
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log);
      pb.environment().putAll(env);
      ServiceProcess p = new ServiceProcess(pb.start(), port);
      p.awaitLive(Duration.ofSeconds(120), log.toPath());
      return p;
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + mainClass + ": " + e, e);
    }
  }

  private void awaitLive(Duration timeout, Path log) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "service exited with " + process.exitValue() + ", log: " + log);
      }
      if (mainFailed(log)) {
        close();
        throw new IllegalStateException("service failed to start, log: " + log);
      }
      if (get("/health/live").statusCode() == 200) {
        return;
      }
      LatencyBench.sleep(200);
    }
    close();
    throw new IllegalStateException("service not live within " + timeout + ", log: " + log);
  }

  private static boolean mainFailed(Path log) {
    try {
      return Files.readString(log).contains("Exception in thread \"main\"");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new FailedResponse();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A metric's value from {@code /metrics} (Prometheus text), or -1. */
  double metric(String name) {
    for (String line : get("/metrics").body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return -1;
  }

  long pid() {
    return process.pid();
  }

  /** Heap in use after a full GC, in bytes. */
  long heapAfterGc() {
    jcmd("GC.run");
    Matcher m = USED.matcher(jcmd("GC.heap_info"));
    if (!m.find()) {
      throw new IllegalStateException("jcmd GC.heap_info: no 'used'");
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  long rssBytes() {
    return status("VmRSS:") * 1024;
  }

  long threads() {
    return status("Threads:");
  }

  private long status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private String jcmd(String command) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      Process p =
          new ProcessBuilder(jcmd, String.valueOf(pid()), command)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("jcmd failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Stands for "no answer" while a service starts. */
  private static final class FailedResponse implements HttpResponse<String> {
    @Override
    public int statusCode() {
      return 0;
    }

    @Override
    public HttpRequest request() {
      return null;
    }

    @Override
    public java.util.Optional<HttpResponse<String>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
    }

    @Override
    public String body() {
      return "";
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return java.util.Optional.empty();
    }

    @Override
    public URI uri() {
      return null;
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
