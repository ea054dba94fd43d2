package io.smartcarpipeline.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The query API as an outside client sees it: plain HTTP GETs answered with JSON. Rule: anything
 * but a 200 with a JSON object is a failed assertion that shows the status and body.
 */
final class QueryApiClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  QueryApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** {@code GET /vehicles}, every page. */
  List<String> vehicleIds() {
    List<String> ids = new ArrayList<>();
    String after = null;
    do {
      JsonObject page = get("/vehicles?limit=100" + (after == null ? "" : "&after=" + after));
      JsonArray vehicles = page.getJsonArray("vehicles");
      vehicles.forEach(id -> ids.add((String) id));
      after = page.getString("next");
    } while (after != null);
    return ids;
  }

  /** {@code GET /vehicles/{id}/state}. */
  JsonObject state(String vehicleId) {
    return get("/vehicles/" + vehicleId + "/state");
  }

  /** {@code GET /vehicles/{id}/charging-sessions?limit=N}: newest first. */
  JsonArray sessions(String vehicleId, int limit) {
    return get("/vehicles/" + vehicleId + "/charging-sessions?limit=" + limit)
        .getJsonArray("sessions");
  }

  JsonObject get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }
}
