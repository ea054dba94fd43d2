package io.smartcarpipeline.gateway.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers requests that Vert.x could not decode (bad request line, URI or headers too long, an HTTP
 * version it does not speak) before any route sees them. Rule: the JSON error shape and a 4xx,
 * never a bare status or a 5xx; the connection is closed after the answer, since what follows on it
 * cannot be trusted.
 */
final class InvalidRequests {

  private InvalidRequests() {}

  /** A request line in an HTTP version other than 1.0 or 1.1 ({@code HTTP/9.9}). */
  static void unknownVersion(HttpServerRequest req, GatewayMetrics metrics) {
    reply(req, metrics, 400, "UNSUPPORTED_HTTP_VERSION", "Only HTTP/1.0 and HTTP/1.1 are spoken");
  }

  static void answer(HttpServerRequest req, GatewayMetrics metrics) {
    DecoderResult result = req.decoderResult();
    Throwable cause = result == null ? null : result.cause();
    String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
    int status;
    String code;
    if (cause instanceof TooLongFrameException && message.startsWith("An HTTP line")) {
      status = 414;
      code = "URI_TOO_LONG";
    } else if (cause instanceof TooLongFrameException) {
      status = 431;
      code = "HEADERS_TOO_LARGE";
    } else {
      status = 400;
      code = "MALFORMED_REQUEST";
    }
    reply(req, metrics, status, code, describe(status));
  }

  private static void reply(
      HttpServerRequest req, GatewayMetrics metrics, int status, String code, String message) {
    metrics.request("malformed");
    if (req.response().ended() || req.response().closed()) {
      req.connection().close();
      return;
    }
    req.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Connection", "close")
        .end(HttpErrors.body(code, message).encode())
        .onComplete(ar -> req.connection().close());
  }

  private static String describe(int status) {
    return switch (status) {
      case 414 -> "The request line is too long";
      case 431 -> "The request headers are too large";
      default -> "The request could not be read as HTTP/1.1";
    };
  }
}
