package io.smartcarpipeline.processors.browser;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol with the JDK's WebSocket
 * client: no npm, no WebDriver, nothing downloaded. Opens one page, evaluates JavaScript in it and
 * takes screenshots. The browser runs with a throw-away profile and without background networking,
 * so it talks only to the page's own server.
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private HeadlessChromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Whether Debian's chromium is installed. */
  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Starts Chromium at {@code width}×{@code height} on {@code url}; its output goes to {@code log}.
   */
  public static HeadlessChromium open(String url, int width, int height, Path profile, Path log)
      throws Exception {
    Process process =
        new ProcessBuilder(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=" + width + "," + height,
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                "--user-data-dir=" + profile,
                url)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      int port = devToolsPort(profile);
      String pageSocket =
          await()
              .atMost(Duration.ofSeconds(20))
              .ignoreExceptions()
              .until(() -> pageSocket(http, port), s -> s != null);
      HeadlessChromium[] self = new HeadlessChromium[1];
      WebSocket ws =
          http.newWebSocketBuilder()
              .buildAsync(URI.create(pageSocket), new Listener(m -> self[0].onMessage(m)))
              .get(20, TimeUnit.SECONDS);
      self[0] = new HeadlessChromium(process, ws);
      // the window size includes browser chrome: pin the page's viewport itself
      self[0].call(
          "Emulation.setDeviceMetricsOverride",
          new JsonObject()
              .put("width", width)
              .put("height", height)
              .put("deviceScaleFactor", 1)
              .put("mobile", false));
      return self[0];
    } catch (Exception | Error e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Evaluates {@code expression} in the page and returns its value (JSON types), or null. */
  public Object evaluate(String expression) throws Exception {
    JsonObject result =
        call(
            "Runtime.evaluate",
            new JsonObject().put("expression", expression).put("returnByValue", true));
    if (result.containsKey("exceptionDetails")) {
      throw new IllegalStateException("page threw: " + result.getJsonObject("exceptionDetails"));
    }
    return result.getJsonObject("result").getValue("value");
  }

  /** Loads {@code url} in the page. */
  public void navigate(String url) throws Exception {
    call("Page.navigate", new JsonObject().put("url", url));
  }

  /** Writes a PNG of the viewport to {@code file}. */
  public void screenshot(Path file) throws Exception {
    JsonObject result = call("Page.captureScreenshot", new JsonObject().put("format", "png"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(result.getString("data")));
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the process is ended below either way
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private JsonObject call(String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    pending.put(id, answer);
    String message =
        new JsonObject().put("id", id).put("method", method).put("params", params).encode();
    socket.sendText(message, true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonObject reply = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (reply.containsKey("error")) {
      throw new IllegalStateException(method + " failed: " + reply.getJsonObject("error"));
    }
    return reply.getJsonObject("result");
  }

  private void onMessage(String text) {
    JsonObject message = new JsonObject(text);
    Integer id = message.getInteger("id");
    if (id != null) {
      CompletableFuture<JsonObject> answer = pending.remove(id);
      if (answer != null) {
        answer.complete(message);
      }
    }
  }

  /** Chromium writes the port it chose to {@code DevToolsActivePort} in the profile. */
  private static int devToolsPort(Path profile) {
    Path file = profile.resolve("DevToolsActivePort");
    List<String> lines =
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(() -> Files.readAllLines(file), l -> l.size() >= 2 && !l.get(0).isBlank());
    return Integer.parseInt(lines.get(0).trim());
  }

  private static String pageSocket(HttpClient http, int port)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonArray targets = new JsonArray(r.body());
    for (int i = 0; i < targets.size(); i++) {
      JsonObject t = targets.getJsonObject(i);
      if ("page".equals(t.getString("type"))) {
        return t.getString("webSocketDebuggerUrl");
      }
    }
    return null;
  }

  /** Reassembles text frames into messages. */
  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Consumer<String> sink;
    private final StringBuilder buffer = new StringBuilder();

    Listener(java.util.function.Consumer<String> sink) {
      this.sink = sink;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String message = buffer.toString();
        buffer.setLength(0);
        sink.accept(message);
      }
      ws.request(1);
      return null;
    }
  }
}
