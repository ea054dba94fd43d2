package io.smartcarpipeline.localstack.registry;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small blocking client for the registry's REST API, over real HTTP, for the tests. */
final class RegistryHttp {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String url;

  RegistryHttp(String url) {
    this.url = url;
  }

  /** An answer: its status, content type and JSON body. */
  record Answer(int status, String contentType, String body) {
    Object json() {
      return Json.decodeValue(body);
    }

    JsonObject object() {
      return new JsonObject(body);
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
  }

  Answer post(String path, JsonObject body) {
    return send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  Answer put(String path, JsonObject body) {
    return send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  Answer register(String subject, String schema) {
    return post("/subjects/" + subject + "/versions", schemaBody(schema));
  }

  static JsonObject schemaBody(String schema) {
    return new JsonObject().put("schema", schema);
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
