package io.smartcarpipeline.dispatcher.verify;

import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.smartcar.http.SmartcarHttp;
import io.smartcarpipeline.smartcar.http.TransportFailure;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /vehicles/{id}/signals} (docs/smartcar-v3.md §6.4) with the app token and {@code
 * sc-user-id}: every {@code data[]} entry becomes a {@link SignalReading}, its time from {@code
 * meta.oemUpdatedAt} (epoch millis or ISO-8601). Tolerant: entries without a code are skipped, an
 * unreadable or non-200 answer is "unavailable" with the reason.
 */
public final class SignalsStateReader implements VehicleStateReader {

  private final SmartcarHttp http;
  private final Duration timeout;

  public SignalsStateReader(WebClient client, String v3Origin, Duration timeout) {
    this.http = new SmartcarHttp(client, v3Origin);
    this.timeout = timeout;
  }

  @Override
  public Future<StateReading> read(CommandRequest request, String bearerToken) {
    String path = "/vehicles/" + request.getVehicleId() + "/signals";
    return http.request(HttpMethod.GET, path, bearerToken, request.getUserId())
        .timeout(timeout.toMillis())
        .send()
        .map(SignalsStateReader::parse)
        .otherwise(e -> StateReading.unavailable(describe(SmartcarHttp.failure(e))));
  }

  static StateReading parse(HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      return StateReading.unavailable("the signals read answered HTTP " + response.statusCode());
    }
    try {
      return parse(response.bodyAsJsonObject());
    } catch (RuntimeException e) {
      return StateReading.unavailable("the signals read answered an unreadable body");
    }
  }

  /** The readings of one signals answer. */
  public static StateReading parse(JsonObject answer) {
    JsonArray data = answer == null ? null : answer.getJsonArray("data");
    if (data == null) {
      return StateReading.unavailable("the signals read answered no data");
    }
    Map<String, SignalReading> signals = new HashMap<>();
    for (Object o : data) {
      if (!(o instanceof JsonObject entry)) {
        continue;
      }
      JsonObject attributes = entry.getJsonObject("attributes", new JsonObject());
      String code = attributes.getString("code", entry.getString("id"));
      if (code == null) {
        continue;
      }
      JsonObject body = attributes.getJsonObject("body", new JsonObject());
      JsonObject meta = entry.getJsonObject("meta", new JsonObject());
      signals.put(code, new SignalReading(code, plain(body), time(meta.getValue("oemUpdatedAt"))));
    }
    return StateReading.of(signals);
  }

  /** Vert.x JSON as plain maps and lists, so the judging code needs no Vert.x. */
  private static Map<String, Object> plain(JsonObject o) {
    Map<String, Object> m = new HashMap<>();
    o.forEach(e -> m.put(e.getKey(), plainValue(e.getValue())));
    return m;
  }

  private static Object plainValue(Object v) {
    if (v instanceof JsonObject o) {
      return plain(o);
    }
    if (v instanceof JsonArray a) {
      List<Object> l = new ArrayList<>();
      a.forEach(x -> l.add(plainValue(x)));
      return l;
    }
    return v;
  }

  private static Instant time(Object value) {
    try {
      if (value instanceof Number n) {
        return Instant.ofEpochMilli(n.longValue());
      }
      if (value instanceof String s) {
        return Instant.parse(s);
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  private static String describe(TransportFailure f) {
    return "the signals read failed (" + f.kind() + ")";
  }
}
