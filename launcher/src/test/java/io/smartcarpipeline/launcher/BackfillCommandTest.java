package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code backfill} asks fleet-sync's HTTP port; here a real HTTP server stands in for it. */
class BackfillCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/backfill",
        exchange -> {
          asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          boolean unknown = exchange.getRequestURI().getQuery().contains("nope");
          byte[] body =
              (unknown
                      ? "{\"error\":{\"code\":\"UNKNOWN_VEHICLE\",\"message\":\"no\"}}"
                      : "{\"status\":\"queued\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(unknown ? 404 : 202, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private int run(String url, String... args) {
    CommandLine cl = SmartcarPipeline.commandLine(Map.of(BackfillCommand.URL_SETTING, url));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/";
  }

  @Test
  void vehicleBackfillIsPostedToFleetSync() {
    assertThat(run(url(), "backfill", "--vehicle", "veh 1")).isZero();

    assertThat(asked).containsExactly("POST /backfill?vehicle=veh+1");
    assertThat(out.toString()).contains("queued");
  }

  @Test
  void allBackfillIsPostedToFleetSync() {
    assertThat(run(url(), "backfill", "--all")).isZero();

    assertThat(asked).containsExactly("POST /backfill?all=true");
  }

  @Test
  void refusalIsExitOneWithFleetSyncsAnswer() {
    assertThat(run(url(), "backfill", "--vehicle", "nope")).isEqualTo(1);

    assertThat(err.toString()).contains("404").contains("UNKNOWN_VEHICLE");
  }

  @Test
  void vehicleAndAllTogetherAreRefusedBeforeAnyCall() {
    assertThat(run(url(), "backfill", "--vehicle", "v", "--all")).isEqualTo(2);

    assertThat(asked).isEmpty();
  }

  @Test
  void unreachableFleetSyncSaysHowToStartIt() {
    server.stop(0);

    assertThat(run(url(), "backfill", "--all")).isEqualTo(2);
    assertThat(err.toString()).contains("smartcar-pipeline fleet-sync").contains("FLEET_SYNC_URL");
  }
}
