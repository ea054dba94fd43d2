package io.smartcarpipeline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged runtime jar: holds nothing forbidden, has an SBOM that says the same, answers {@code
 * --help}, and starts a service against a real broker and registry.
 */
@ExtendWith(LocalStackExtension.class)
class RuntimeJarIT {

  private static final Path JAR = Path.of(System.getProperty("runtime.jar"));
  private static final Path SBOM = Path.of(System.getProperty("runtime.sbom"));

  @Test
  void theJarHoldsTheServicesAndNoForbiddenClass() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> entries = jar.stream().map(e -> e.getName()).toList();

      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(SmartcarPipelineRuntime.class.getName());
      assertThat(entries)
          .contains(
              "io/smartcarpipeline/gateway/GatewayApp.class",
              "io/smartcarpipeline/processors/ProcessorsApp.class",
              "io/smartcarpipeline/dispatcher/DispatcherApp.class",
              SmartcarPipelineRuntime.LOGBACK_CONFIG);
      assertThat(ForbiddenContent.forbiddenEntries(entries.stream())).isEmpty();
    }
  }

  @Test
  void theSbomListsTheJarsComponentsAndNoForbiddenOne() throws IOException {
    JsonNode bom = new ObjectMapper().readTree(SBOM.toFile());
    List<String> components =
        StreamSupport.stream(bom.path("components").spliterator(), false)
            .map(c -> c.path("group").asText() + ":" + c.path("name").asText())
            .toList();

    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.path("metadata").path("component").path("name").asText())
        .isEqualTo("smartcar-pipeline-runtime");
    assertThat(components)
        .contains("io.smartcarpipeline:ingest-gateway", "org.apache.kafka:kafka-streams");
    assertThat(ForbiddenContent.forbiddenArtifacts(components)).isEmpty();
  }

  @Test
  void helpListsTheThreeServices() throws Exception {
    Process help = java("--help").redirectErrorStream(true).start();
    String out = new String(help.getInputStream().readAllBytes());

    assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(help.exitValue()).isZero();
    assertThat(out).contains("gateway", "processors", "dispatcher").doesNotContain("demo");
  }

  @Test
  void aMissingSettingStopsTheServiceWithOneLineNamingIt() throws Exception {
    ProcessBuilder dispatcher = java("dispatcher").redirectErrorStream(true);
    dispatcher.environment().clear();
    Process process = dispatcher.start();
    String out = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(out).startsWith("error: Setting SMARTCAR_CLIENT_ID").doesNotContain("\tat ");
  }

  @Test
  void theGatewayStartsFromTheJarAndStopsOnSigterm(LocalStack stack) throws Exception {
    int port = freePort();
    Path log = Files.createTempFile("runtime-gateway", ".log");
    ProcessBuilder gateway = java("gateway").redirectErrorStream(true).redirectOutput(log.toFile());
    gateway.environment().clear();
    gateway
        .environment()
        .putAll(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl(),
                "GATEWAY_PORT", String.valueOf(port),
                "SMARTCAR_MANAGEMENT_TOKEN", "runtime-jar-it-token"));
    Process process = gateway.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest ready =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready")).build();
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode())
                      .isEqualTo(200));
    } finally {
      process.destroy(); // SIGTERM, as Kubernetes and Docker stop a container
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    }
    assertThat(Files.readString(log)).contains("gateway_started", "gateway_stopped");
  }

  private static ProcessBuilder java(String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
