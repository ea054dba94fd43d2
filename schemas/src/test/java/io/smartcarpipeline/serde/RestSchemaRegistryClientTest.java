package io.smartcarpipeline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.smartcarpipeline.events.SignalError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The REST client against a tiny HTTP server: caching, errors, and a registry that is down. */
class RestSchemaRegistryClientTest {

  @Test
  void registryThatIsDownGivesSerializationExceptionNamingTheUrl() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url = "http://localhost:" + closedPort;
    ConfluentAvroSerializer<SignalError> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), false);

    assertThatThrownBy(
            () -> serializer.serialize("t", SignalError.newBuilder().setType("X").build()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(url)
        .hasMessageContaining("unreachable");
  }

  @Test
  void registeredIdIsCachedSoTheRegistryIsAskedOnce() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/subjects/t-value/versions",
        exchange -> {
          calls.incrementAndGet();
          byte[] body = "{\"id\":7}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://localhost:" + server.getAddress().getPort();
      RestSchemaRegistryClient client =
          new RestSchemaRegistryClient(
              AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url)));

      int first = client.register("t-value", SignalError.getClassSchema());
      int second = client.register("t-value", SignalError.getClassSchema());

      assertThat(first).isEqualTo(7);
      assertThat(second).isEqualTo(7);
      assertThat(calls).hasValue(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void registryErrorBodyIsInTheMessage() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/schemas/ids/9",
        exchange -> {
          byte[] body =
              "{\"error_code\":40403,\"message\":\"Schema not found\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://localhost:" + server.getAddress().getPort();
      RestSchemaRegistryClient client =
          new RestSchemaRegistryClient(
              AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url)));

      assertThatThrownBy(() -> client.byId(9))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("40403")
          .hasMessageContaining("Schema not found");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void refusedCredentialsNameTheSettingButNotThePassword() throws IOException {
    HttpServer server = unauthorizedServer();
    try {
      RestSchemaRegistryClient client =
          new RestSchemaRegistryClient(
              AvroSerdeConfig.from(
                  Map.of(
                      AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                      "http://localhost:" + server.getAddress().getPort(),
                      AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                      "USER_INFO",
                      AvroSerdeConfig.BASIC_AUTH_USER_INFO,
                      "alice:wrong-secret")));

      assertThatThrownBy(() -> client.byId(1))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("refused the credentials in basic.auth.user.info")
          .hasMessageContaining("alice")
          .hasMessageContaining("401")
          .hasMessageNotContaining("wrong-secret");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void missingCredentialsSayWhichSettingsToSet() throws IOException {
    HttpServer server = unauthorizedServer();
    try {
      RestSchemaRegistryClient client =
          new RestSchemaRegistryClient(
              AvroSerdeConfig.from(
                  Map.of(
                      AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                      "http://localhost:" + server.getAddress().getPort())));

      assertThatThrownBy(() -> client.byId(1))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("requires credentials")
          .hasMessageContaining("basic.auth.user.info");
    } finally {
      server.stop(0);
    }
  }

  private static HttpServer unauthorizedServer() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body =
              "{\"error_code\":401,\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"x\"");
          exchange.sendResponseHeaders(401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  @Test
  void missingUrlIsAConfigErrorNamingTheKey() {
    assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(
            () ->
                AvroSerdeConfig.from(
                    Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        "http://x:1",
                        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
                        "maybe")))
        .hasMessageContaining("auto.register.schemas");
  }
}
