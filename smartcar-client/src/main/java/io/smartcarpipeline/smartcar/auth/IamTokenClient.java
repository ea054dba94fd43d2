package io.smartcarpipeline.smartcar.auth;

import io.smartcarpipeline.smartcar.http.ApiResponse;
import io.smartcarpipeline.smartcar.http.ResponseParser;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The V3 client-credentials call: {@code POST {SMARTCAR_IAM_ORIGIN}/oauth2/token}, form-encoded
 * {@code grant_type=client_credentials&client_id&client_secret} (docs/smartcar-v3.md §1.2). Never
 * logs the secret or the token.
 */
public final class IamTokenClient implements TokenEndpoint {

  private final WebClient client;
  private final String tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final Duration timeout;

  public IamTokenClient(
      WebClient client,
      String iamOrigin,
      String clientId,
      String clientSecret,
      Clock clock,
      Duration timeout) {
    this.client = client;
    this.tokenUrl = stripSlash(iamOrigin) + "/oauth2/token";
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
    this.timeout = timeout;
  }

  @Override
  public Future<AccessToken> requestToken() {
    MultiMap form =
        MultiMap.caseInsensitiveMultiMap()
            .add("grant_type", "client_credentials")
            .add("client_id", clientId)
            .add("client_secret", clientSecret);
    return client
        .postAbs(tokenUrl)
        .timeout(timeout.toMillis())
        .putHeader("Accept", "application/json")
        .sendForm(form)
        .recover(
            e ->
                Future.failedFuture(
                    new TokenRequestException(0, null, "token request failed: " + e, e)))
        .compose(this::read);
  }

  private Future<AccessToken> read(HttpResponse<Buffer> response) {
    String body = response.bodyAsString();
    if (response.statusCode() != 200) {
      ApiResponse error = ResponseParser.parse(response.statusCode(), body, response::getHeader);
      return Future.failedFuture(
          new TokenRequestException(
              response.statusCode(),
              error.errorCode(),
              "token endpoint answered "
                  + response.statusCode()
                  + (error.errorCode() == null ? "" : " " + error.errorCode()),
              null));
    }
    try {
      JsonObject json = new JsonObject(body == null ? "" : body);
      String token = json.getString("access_token");
      long expiresIn = json.getLong("expires_in", 3600L);
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("no access_token in the answer");
      }
      return Future.succeededFuture(
          AccessToken.issued(token, clock.instant(), Duration.ofSeconds(expiresIn)));
    } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
      return Future.failedFuture(
          new TokenRequestException(200, null, "unreadable token answer: " + e.getMessage(), e));
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
