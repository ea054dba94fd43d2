package io.smartcarpipeline.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A small blocking HTTP client for the simulator tests (java.net.http, HTTP/1.1). Every reply is
 * checked to carry an {@code SC-Request-Id} header.
 */
public final class SimHttp {

  /** One answer: status, the request-id and Retry-After headers, the raw body. */
  public record Reply(int status, String requestId, Optional<String> retryAfter, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray jsonArray() {
      return new JsonArray(body);
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;

  public SimHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public HttpClient client() {
    return client;
  }

  /** A fresh token for the given credentials (form body). */
  public String token(String clientId, String secret) {
    Reply reply =
        form("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getString("access_token");
  }

  public Reply form(String body) {
    return send(
        request("/oauth2/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply tokenJson(String json) {
    return send(
        request("/oauth2/token")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply tokenBasic(String clientId, String secret) {
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes());
    return send(
        request("/oauth2/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
  }

  /** {@code POST /v3/vehicles/{id}/commands/{path}}; null token or user leaves the header out. */
  public Reply command(String token, String userId, String vehicleId, String path, String body) {
    HttpRequest.Builder b =
        request("/v3/vehicles/" + vehicleId + "/commands/" + path)
            .header("Content-Type", "application/json")
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return send(withAuth(b, token, userId));
  }

  public Reply signals(String token, String userId, String vehicleId) {
    return send(withAuth(request("/v3/vehicles/" + vehicleId + "/signals").GET(), token, userId));
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
  }

  public static HttpRequest.Builder withAuth(HttpRequest.Builder b, String token, String userId) {
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (userId != null) {
      b.header("sc-user-id", userId);
    }
    return b;
  }

  public Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      String requestId = response.headers().firstValue("SC-Request-Id").orElse(null);
      assertThat(requestId).as("SC-Request-Id header on " + response.uri()).isNotBlank();
      return new Reply(
          response.statusCode(),
          requestId,
          response.headers().firstValue("Retry-After"),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
