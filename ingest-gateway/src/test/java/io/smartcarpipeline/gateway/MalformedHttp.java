package io.smartcarpipeline.gateway;

import static io.smartcarpipeline.gateway.GatewayIT.hmacHex;

import io.smartcarpipeline.gateway.RawHttp.Answer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Malformed and slow HTTP on raw sockets, each case judged alone: the gateway may answer a 4xx in
 * the JSON error shape or close the connection, but never answers 2xx or 5xx, and never holds a
 * slow client longer than its timeouts (the test gateway's are 1 s for headers and body).
 */
final class MalformedHttp {

  private static final Duration SLOW_BOUND = Duration.ofSeconds(6);

  private MalformedHttp() {}

  /** Runs every case on {@code pool}; each future gives null when it passed, else why not. */
  static List<Future<String>> sendAll(ExecutorService pool, int port, String token) {
    List<Future<String>> out = new ArrayList<>();
    cases(token).forEach((name, run) -> out.add(pool.submit(() -> judge(name, run.apply(port)))));
    return out;
  }

  private static Map<String, Function<Integer, Answer>> cases(String token) {
    byte[] body = Fixtures.bytes("vw_id_4_fuel.json");
    String sig = hmacHex(token, body);
    String head =
        "POST /webhooks/smartcar HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "SC-Signature: "
            + sig
            + "\r\n";
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String chunk = Integer.toHexString(body.length) + "\r\n" + text + "\r\n";
    Map<String, Function<Integer, Answer>> cases = new LinkedHashMap<>();
    for (String bad : List.of("zz", "-1", "99999999999999999999", "1;ext=\"", "")) {
      cases.put(
          "chunk size '" + bad + "'",
          port ->
              RawHttp.exchange(
                  port, head + "Transfer-Encoding: chunked\r\n\r\n" + chunk + bad + "\r\n\r\n"));
    }
    cases.put(
        "chunk longer than declared",
        port ->
            RawHttp.exchange(
                port, head + "Transfer-Encoding: chunked\r\n\r\n5\r\n" + text + "\r\n0\r\n\r\n"));
    cases.put(
        "bad content-length",
        port -> RawHttp.exchange(port, head + "Content-Length: abc\r\n\r\n" + text));
    cases.put(
        "two content-lengths",
        port ->
            RawHttp.exchange(port, head + "Content-Length: 3\r\nContent-Length: 4\r\n\r\n" + text));
    for (String line :
        List.of(
            "HELLO",
            "GET",
            "GET / HTTP/1.1 extra",
            "\u0000\u0001\u0002",
            "GET /\u0007 HTTP/1.1",
            "POST /webhooks/smartcar HTTP/9.9",
            "GET /health/live HTTP/2.0")) {
      cases.put("request line '" + line + "'", port -> RawHttp.exchange(port, line + "\r\n\r\n"));
    }
    cases.put(
        "long uri",
        port -> RawHttp.exchange(port, "GET /" + "u".repeat(6000) + " HTTP/1.1\r\n\r\n"));
    cases.put(
        "huge headers",
        port ->
            RawHttp.exchange(
                port, "GET /health/live HTTP/1.1\r\nX: " + "h".repeat(10_000) + "\r\n\r\n"));
    cases.put(
        "header without colon",
        port -> RawHttp.exchange(port, "GET /health/live HTTP/1.1\r\nNoColonHere\r\n\r\n"));
    cases.put("stalled headers", port -> stall(port, head));
    cases.put(
        "stalled body", port -> stall(port, head + "Content-Length: 5000\r\n\r\n" + "{\"a\":"));
    cases.put("dribbled body", port -> dribble(port, head + "Content-Length: 5000\r\n\r\n"));
    return cases;
  }

  private static Answer stall(int port, String start) {
    try (RawHttp slow = new RawHttp(port)) {
      slow.send(start);
      long began = System.nanoTime();
      Answer answer = slow.answer(SLOW_BOUND.plusSeconds(4));
      return Duration.ofNanos(System.nanoTime() - began).compareTo(SLOW_BOUND) > 0
          ? new Answer(-2, "held longer than " + SLOW_BOUND, false)
          : answer;
    }
  }

  private static Answer dribble(int port, String start) {
    try (RawHttp slow = new RawHttp(port)) {
      slow.send(start);
      long began = System.nanoTime();
      for (int i = 0; i < 60; i++) {
        slow.send("          ");
        if (slow.closedWithin(Duration.ofMillis(200))) {
          return Answer.CLOSED;
        }
        if (Duration.ofNanos(System.nanoTime() - began).compareTo(SLOW_BOUND) > 0) {
          return new Answer(-2, "held longer than " + SLOW_BOUND, false);
        }
      }
      return new Answer(-2, "never closed", false);
    }
  }

  /** Null when the answer keeps the contract, else a description. */
  private static String judge(String name, Answer answer) {
    if (answer.closed()) {
      return null;
    }
    if (answer.status() < 400 || answer.status() > 499) {
      return name + ": " + answer.status() + " " + answer.body();
    }
    try {
      JsonObject error = new JsonObject(answer.body()).getJsonObject("error");
      if (error == null || error.getString("code") == null || error.getString("message") == null) {
        return name + ": no error shape in " + answer.body();
      }
    } catch (RuntimeException notJson) {
      return name + ": " + answer.status() + " without JSON: " + answer.body();
    }
    return null;
  }
}
