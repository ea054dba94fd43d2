package io.smartcarpipeline.dispatcher.api;

import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Calls one V3 command on Vert.x's non-blocking WebClient: bearer token, {@code sc-user-id}, JSON
 * body. The read timeout is long (310 s by default, as Smartcar's SDKs): a long-running command
 * answers 202 and streams its result on the same connection, so the whole body is read and the
 * outcome taken from it. The returned future always succeeds: transport errors become a {@link
 * TransportFailure}, so the classifier sees every outcome.
 */
public final class SmartcarApiClient implements CommandSender {

  private final WebClient client;
  private final String v3Origin;
  private final Duration readTimeout;

  public SmartcarApiClient(WebClient client, String v3Origin, Duration readTimeout) {
    this.client = client;
    this.v3Origin =
        v3Origin.endsWith("/") ? v3Origin.substring(0, v3Origin.length() - 1) : v3Origin;
    this.readTimeout = readTimeout;
  }

  @Override
  public Future<ApiOutcome> send(CommandRequest request, String bearerToken) {
    return send(
        request.getVehicleId(),
        request.getUserId(),
        request.getType(),
        request.getParameters(),
        bearerToken);
  }

  /** Sends the command once. */
  public Future<ApiOutcome> send(
      String vehicleId,
      String userId,
      CommandType type,
      CommandParameters parameters,
      String bearerToken) {
    HttpRequest<Buffer> request =
        client
            .postAbs(v3Origin + CommandRoutes.path(vehicleId, type))
            .idleTimeout(readTimeout.toMillis())
            .putHeader("Authorization", "Bearer " + bearerToken)
            .putHeader("sc-user-id", userId)
            .putHeader("Accept", "application/json");
    JsonObject body = CommandRoutes.body(type, parameters);
    Future<HttpResponse<Buffer>> sent;
    if (body == null) {
      sent = request.send();
    } else {
      sent = request.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer());
    }
    return sent.map(SmartcarApiClient::toOutcome).recover(e -> Future.succeededFuture(failure(e)));
  }

  private static ApiOutcome toOutcome(HttpResponse<Buffer> response) {
    return ResponseParser.parse(
        response.statusCode(), response.bodyAsString(), response::getHeader);
  }

  /** Which transport failure an exception of the HTTP client is. */
  static TransportFailure failure(Throwable e) {
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
