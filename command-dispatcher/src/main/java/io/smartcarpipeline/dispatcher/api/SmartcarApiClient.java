package io.smartcarpipeline.dispatcher.api;

import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.smartcarpipeline.smartcar.http.SmartcarHttp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;

/**
 * Calls one V3 command through the shared {@link SmartcarHttp} request (bearer token, {@code
 * sc-user-id}), with the command's route and JSON body. The read timeout is long (310 s by default,
 * as Smartcar's SDKs): a long-running command answers 202 and streams its result on the same
 * connection, so the whole body is read and the outcome taken from it. The returned future always
 * succeeds: transport errors become a transport failure, so the classifier sees every outcome.
 */
public final class SmartcarApiClient implements CommandSender {

  private final SmartcarHttp http;
  private final Duration readTimeout;

  public SmartcarApiClient(WebClient client, String v3Origin, Duration readTimeout) {
    this.http = new SmartcarHttp(client, v3Origin);
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
        http.request(HttpMethod.POST, CommandRoutes.path(vehicleId, type), bearerToken, userId)
            .idleTimeout(readTimeout.toMillis());
    JsonObject body = CommandRoutes.body(type, parameters);
    Future<HttpResponse<Buffer>> sent;
    if (body == null) {
      sent = request.send();
    } else {
      sent = request.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer());
    }
    return SmartcarHttp.outcome(sent);
  }
}
