package io.smartcarpipeline.smartcar.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Function;

/**
 * Reads a Smartcar answer defensively (docs/smartcar-v3.md §5.1): a command-execution body ({@code
 * data.attributes.status.value}), or an error as flat {@code type}/{@code code}, a nested {@code
 * error} object, JSON:API {@code errors[0]}, or OAuth {@code error}/{@code error_description}. A
 * body that is not JSON, or an unknown shape, still yields a response with its status and headers:
 * nothing here throws.
 */
public final class ResponseParser {

  private ResponseParser() {}

  /**
   * Parses one answer.
   *
   * @param status HTTP status
   * @param body the whole body, possibly null or empty
   * @param header header lookup (case-insensitive)
   */
  public static ApiResponse parse(int status, String body, Function<String, String> header) {
    JsonObject json = tryParse(body);
    JsonObject error = errorObject(json);
    JsonObject data = json.getValue("data") instanceof JsonObject d ? d : new JsonObject();
    JsonObject attributes = object(data, "attributes");
    JsonObject commandStatus = object(attributes, "status");
    JsonObject statusError = object(commandStatus, "error");
    if (error.isEmpty() && !statusError.isEmpty()) {
      error = statusError;
    }
    String requestId = header.apply("SC-Request-Id");
    if (requestId == null) {
      requestId = text(error, "requestId");
    }
    return new ApiResponse(
        status,
        text(commandStatus, "value"),
        text(data, "id"),
        firstText(error, "type"),
        firstText(error, "code"),
        firstText(error, "description", "detail", "title", "error_description", "message"),
        text(error, "suggestedUserMessage"),
        retryAfter(header.apply("Retry-After")),
        requestId);
  }

  /** Retry-After in seconds; null when absent or not a non-negative whole number. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonObject errorObject(JsonObject json) {
    Object errors = json.getValue("errors");
    if (errors instanceof JsonArray array
        && !array.isEmpty()
        && array.getValue(0) instanceof JsonObject first) {
      return first;
    }
    Object nested = json.getValue("error");
    if (nested instanceof JsonObject object) {
      return object;
    }
    if (nested instanceof String oauthCode) {
      // OAuth style: {"error":"invalid_client","error_description":"…"}
      return new JsonObject()
          .put("type", "OAUTH")
          .put("code", oauthCode)
          .put("description", json.getValue("error_description"));
    }
    if (json.containsKey("type") || json.containsKey("code")) {
      return json;
    }
    return new JsonObject();
  }

  private static JsonObject tryParse(String body) {
    if (body == null || body.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }

  private static JsonObject object(JsonObject parent, String key) {
    return parent.getValue(key) instanceof JsonObject o ? o : new JsonObject();
  }

  private static String firstText(JsonObject o, String... keys) {
    for (String key : keys) {
      String v = text(o, key);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String text(JsonObject o, String key) {
    Object v = o.getValue(key);
    if (v == null || v instanceof JsonObject || v instanceof JsonArray) {
      return null;
    }
    String s = v.toString();
    return s.isBlank() ? null : s;
  }
}
