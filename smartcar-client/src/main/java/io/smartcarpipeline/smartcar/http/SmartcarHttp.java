package io.smartcarpipeline.smartcar.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * The V3 request every Smartcar call starts from, on Vert.x's non-blocking WebClient: an absolute
 * URL below one origin, {@code Authorization: Bearer <app token>}, the {@code sc-user-id} header
 * naming the user whose vehicle is addressed (docs/smartcar-v3.md §1.3), {@code Accept:
 * application/json}. {@link #outcome(Future)} turns what the client produced into an {@link
 * ApiOutcome}: the future always succeeds, a transport error becomes a {@link TransportFailure}, so
 * the classifier sees every outcome. Which route and body is the caller's business.
 */
public final class SmartcarHttp {

  /** The header that names the user a vehicle call acts for. */
  public static final String USER_ID_HEADER = "sc-user-id";

  private final WebClient client;
  private final String origin;

  /**
   * @param origin the API origin, e.g. {@code https://vehicle.api.smartcar.com/v3}; a trailing
   *     slash is dropped
   */
  public SmartcarHttp(WebClient client, String origin) {
    this.client = client;
    this.origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
  }

  /**
   * A request for {@code path} below the origin.
   *
   * @param userId the {@code sc-user-id}; null for app-level calls that act for no user
   */
  public HttpRequest<Buffer> request(
      HttpMethod method, String path, String bearerToken, String userId) {
    HttpRequest<Buffer> request =
        client
            .requestAbs(method, origin + path)
            .putHeader("Authorization", "Bearer " + bearerToken)
            .putHeader("Accept", "application/json");
    if (userId != null) {
      request.putHeader(USER_ID_HEADER, userId);
    }
    return request;
  }

  /** The parsed outcome of a sent request; never fails. */
  public static Future<ApiOutcome> outcome(Future<HttpResponse<Buffer>> sent) {
    return sent.map(SmartcarHttp::toOutcome).recover(e -> Future.succeededFuture(failure(e)));
  }

  private static ApiOutcome toOutcome(HttpResponse<Buffer> response) {
    return ResponseParser.parse(
        response.statusCode(), response.bodyAsString(), response::getHeader);
  }

  /** Which transport failure an exception of the HTTP client is. */
  public static TransportFailure failure(Throwable e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof ConnectException || e instanceof UnknownHostException) {
      return new TransportFailure(TransportFailure.Kind.CONNECT_FAILED, message);
    }
    if (e instanceof TimeoutException
        || e.getClass().getSimpleName().contains("Timeout")
        || message.toLowerCase(Locale.ROOT).contains("timeout")) {
      return new TransportFailure(TransportFailure.Kind.TIMEOUT, message);
    }
    if (e instanceof HttpClosedException || message.toLowerCase(Locale.ROOT).contains("closed")) {
      return new TransportFailure(TransportFailure.Kind.CONNECTION_CLOSED, message);
    }
    return new TransportFailure(
        TransportFailure.Kind.OTHER, e.getClass().getSimpleName() + ": " + message);
  }
}
