package io.smartcarpipeline.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.gateway.GatewayApp;
import io.smartcarpipeline.localstack.SecureLocalStack;
import io.smartcarpipeline.localstack.tls.TestCertificates;
import io.smartcarpipeline.processors.ProcessorsApp;
import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.fleet.WebhookSigner;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The pipeline against a secured cluster, configured only through environment settings: the
 * embedded broker's client listener speaks SASL_SSL (SCRAM-SHA-512, certificates made by the test)
 * and the registry is behind HTTPS with basic auth. The gateway, the processors, the dispatcher and
 * {@code command --wait} all work; a wrong password or an untrusted certificate stops a service at
 * start within seconds, naming the setting to fix.
 */
class SecuredClusterIT {

  private static final String TOKEN = "secured-it-management-token";
  private static final String CLIENT_SECRET = "secured-it-client-secret-5b1e";
  private static final Duration START_FAILS_WITHIN = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SecureLocalStack secure;
  private static SmartcarApiSim sim;
  private static GatewayApp gateway;
  private static ProcessorsApp processors;
  private static DispatcherApp dispatcher;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Every log event of this JVM from the start of the stack on, at every level. */
  private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();

  /** Everything written to stdout and stderr from the start of the stack on. */
  private static final ConsoleCapture CONSOLE = new ConsoleCapture();

  @BeforeAll
  static void startEverythingAgainstTheSecuredStack(@TempDir Path stateDir) {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    LOGGED.start();
    root.addAppender(LOGGED);
    secure = SecureLocalStack.startInTemporaryDirectory();
    CONSOLE.start();
    sim =
        SmartcarApiSim.start(
            SimConfig.builder()
                .port(0)
                .credentials("client_sim", CLIENT_SECRET)
                .bucket(0, 0)
                .seed(11)
                .build());
    gateway = GatewayApp.start(Settings.of(gatewayEnv(secure.clientEnvironment())));
    processors = ProcessorsApp.start(Settings.of(processorsEnv(stateDir)));
    dispatcher = DispatcherApp.start(Settings.of(dispatcherEnv()));
  }

  @AfterAll
  static void stopAll() {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(LOGGED);
    CONSOLE.stop();
    for (AutoCloseable c : new AutoCloseable[] {dispatcher, processors, gateway, sim, secure}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // keep closing the rest
        }
      }
    }
  }

  @Test
  void aSignedWebhookBecomesVehicleStateThroughTheSecuredClusterAndRegistry() throws Exception {
    byte[] body = fixture("vw_id_4_all.json");
    String vehicle = JSON.readTree(body).path("data").path("vehicle").path("id").asText();

    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + gateway.port() + "/webhooks/smartcar"))
                .header("Content-Type", "application/json")
                .header("SC-Signature", new WebhookSigner(TOKEN).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              HttpResponse<String> state =
                  HTTP.send(
                      HttpRequest.newBuilder(
                              URI.create(
                                  "http://localhost:"
                                      + processors.port()
                                      + "/vehicles/"
                                      + vehicle
                                      + "/state"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(state.statusCode()).isEqualTo(200);
              assertThat(state.body()).contains(vehicle);
            });
  }

  @Test
  void commandWaitPrintsTheResultOfACommandRunThroughTheSecuredCluster() {
    String vehicle = "secured-car-1";
    sim.vehicles()
        .add(sim.vehicles().builder(vehicle, "user-" + vehicle).pluggedIn(true).soc(40).build());

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SmartcarPipeline.commandLine(secure.clientEnvironment());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit =
        cli.execute(
            "command",
            "START_CHARGING",
            "--vehicle",
            vehicle,
            "--user",
            "user-" + vehicle,
            "--wait",
            "--timeout",
            "90s");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"status\":\"SUCCEEDED\"").contains(vehicle);
  }

  @Test
  void aWrongKafkaPasswordStopsTheStartWithinSecondsNamingTheSetting() {
    Map<String, String> env = gatewayEnv(secure.clientEnvironment());
    env.put(
        "KAFKA_SASL_JAAS_CONFIG",
        secure.kafkaUser().clientJaasConfig().replace(secure.kafkaUser().password(), "wrong"));
    long started = System.nanoTime();

    assertThatThrownBy(() -> GatewayApp.start(Settings.of(env)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("KAFKA_SASL_JAAS_CONFIG")
        .hasMessageNotContaining(secure.kafkaUser().password());

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(START_FAILS_WITHIN);
  }

  @Test
  void anUntrustedBrokerCertificateStopsTheStartWithinSecondsNamingTheSetting(
      @TempDir Path otherCa) {
    TestCertificates unrelated = TestCertificates.generate(otherCa);
    Map<String, String> env = dispatcherEnv();
    env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", unrelated.truststore().location().toString());
    env.put("KAFKA_SSL_TRUSTSTORE_PASSWORD", unrelated.truststore().password());
    env.put("DISPATCHER_INSTANCE_ID", "untrusted");
    long started = System.nanoTime();

    assertThatThrownBy(() -> DispatcherApp.start(Settings.of(env)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("KAFKA_SSL_TRUSTSTORE_LOCATION");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(START_FAILS_WITHIN);
  }

  @Test
  void aWrongRegistryPasswordStopsTheStartNamingTheSetting() {
    Map<String, String> env = gatewayEnv(secure.clientEnvironment());
    env.put("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", secure.registryUser().username() + ":wrong");

    assertThatThrownBy(() -> GatewayApp.start(Settings.of(env)))
        .hasMessageContaining("basic.auth.user.info")
        .hasMessageNotContaining(secure.registryUser().password());
  }

  /**
   * Everything the services emit, with distinctive secret values in every secret setting: log
   * events (with their stack traces), the console, the start-up config lines, /health/*, /metrics
   * and the error body of every kind of bad request each service answers.
   */
  @Test
  void noSecretAppearsInAnyOutput() throws Exception {
    List<String> secrets =
        List.of(
            secure.kafkaUser().password(),
            secure.registryUser().password(),
            secure.certificates().truststore().password(),
            TOKEN,
            CLIENT_SECRET);
    StringBuilder emitted = new StringBuilder();
    List.copyOf(LOGGED.list)
        .forEach(
            e -> {
              emitted.append(e.getFormattedMessage()).append('\n');
              if (e.getThrowableProxy() != null) {
                emitted.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
              }
            });
    for (int port : new int[] {gateway.port(), processors.port(), dispatcher.port()}) {
      for (String path :
          List.of("/health/live", "/health/ready", "/metrics", "/no-such-path", "/vehicles/x/y")) {
        emitted.append(get(port, path).body());
      }
      emitted.append(send(port, "DELETE", "/metrics", "").body());
    }
    byte[] body = fixture("vw_id_4_all.json");
    for (String signature : new String[] {null, "00", new WebhookSigner("wrong").sign(body)}) {
      emitted.append(webhook(body, signature).body());
    }
    emitted.append(webhook("{\"eventType\":".getBytes(UTF_8), "ab").body());
    emitted.append(get(processors.port(), "/vehicles/no-such-vehicle/state").body());
    emitted.append(get(gateway.port(), "/webhooks/smartcar").body());
    emitted.append(CONSOLE.text());
    String all = emitted.toString();

    assertThat(LOGGED.list).isNotEmpty();
    assertThat(all).contains("gateway_started").contains("INVALID_SIGNATURE").contains("[hidden]");
    assertThat(all).doesNotContain(secrets);
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return send(port, "GET", path, null);
  }

  private static HttpResponse<String> send(int port, String method, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> webhook(byte[] body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + gateway.port() + "/webhooks/smartcar"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header("SC-Signature", signature);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> gatewayEnv(Map<String, String> client) {
    Map<String, String> env = new HashMap<>(client);
    env.put("SMARTCAR_MANAGEMENT_TOKEN", TOKEN);
    env.put("GATEWAY_PORT", "0");
    env.put("GATEWAY_INSTANCES", "1");
    return env;
  }

  private static Map<String, String> processorsEnv(Path stateDir) {
    Map<String, String> env = new HashMap<>(secure.clientEnvironment());
    env.put("PROCESSORS_PORT", "0");
    env.put("PROCESSORS_STATE_DIR", stateDir.toString());
    env.put("PROCESSORS_APPLICATION_ID", "secured-it-processors");
    return env;
  }

  private static Map<String, String> dispatcherEnv() {
    Map<String, String> env = new HashMap<>(secure.clientEnvironment());
    env.put("SMARTCAR_CLIENT_ID", "client_sim");
    env.put("SMARTCAR_CLIENT_SECRET", CLIENT_SECRET);
    env.put("SMARTCAR_API_V3_ORIGIN", sim.v3Origin());
    env.put("SMARTCAR_IAM_ORIGIN", sim.iamOrigin());
    env.put("DISPATCHER_PORT", "0");
    env.put("DISPATCHER_GROUP_ID", "secured-it-dispatcher");
    env.put("DISPATCHER_INSTANCE_ID", "secured-0");
    env.put("DISPATCHER_VEHICLE_SPACING", "0s");
    return env;
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            SecuredClusterIT.class.getResourceAsStream("/smartcar-webhooks/" + name), name)) {
      return in.readAllBytes();
    }
  }
}
