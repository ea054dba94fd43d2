package io.smartcarpipeline.gateway;

import io.smartcarpipeline.gateway.http.GatewayRouter;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP calls to a running gateway, as Smartcar and a monitoring system would make them. */
final class GatewayClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  GatewayClient(int port) {
    this.base = URI.create("http://localhost:" + port);
  }

  /** POSTs {@code body} to the webhook path, with {@code SC-Signature} unless it is null. */
  HttpResponse<String> deliver(byte[] body, String signature) {
    return deliver(body, signature, "application/json");
  }

  /** As {@link #deliver(byte[], String)} with another declared content type. */
  HttpResponse<String> deliver(byte[] body, String signature, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(GatewayRouter.WEBHOOK_PATH))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", contentType)
            .header("User-Agent", "Smartcar/it")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header("SC-Signature", signature);
    }
    return send(request.build());
  }

  HttpResponse<String> request(String method, String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }

  static JsonObject json(HttpResponse<String> response) {
    return new JsonObject(response.body());
  }

  /** The {@code error.code} of an error answer. */
  static String errorCode(HttpResponse<String> response) {
    return json(response).getJsonObject("error").getString("code");
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request to the gateway failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
