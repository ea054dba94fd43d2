package io.smartcarpipeline.sim.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /oauth2/token}: the V3 client-credentials grant (docs/smartcar-v3.md §1.2). Accepts
 * the documented form body, a JSON body, or the client id/secret as HTTP Basic.
 *
 * <p>Rules: no {@code grant_type} → 400 {@code invalid_request}; another grant → 400 {@code
 * unsupported_grant_type}; wrong or missing credentials → 401 {@code invalid_client}; else 200
 * {@code {"access_token","token_type":"Bearer","expires_in"}}. Errors are OAuth-shaped {@code
 * {"error","error_description"}}. Secrets are never logged.
 */
public final class TokenHandler {

  private static final Logger LOG = LoggerFactory.getLogger(TokenHandler.class);

  private final TokenStore tokens;

  public TokenHandler(TokenStore tokens) {
    this.tokens = tokens;
  }

  private record Credentials(String grantType, String clientId, String clientSecret) {}

  /** Route handler. */
  public void handle(RoutingContext ctx) {
    Credentials credentials;
    try {
      credentials = read(ctx);
    } catch (DecodeException e) {
      oauthError(ctx, 400, "invalid_request", "The request body is not valid JSON.");
      return;
    }
    if (credentials.grantType() == null || credentials.grantType().isBlank()) {
      oauthError(ctx, 400, "invalid_request", "grant_type is required.");
      return;
    }
    if (!"client_credentials".equals(credentials.grantType())) {
      oauthError(ctx, 400, "unsupported_grant_type", "Only client_credentials is supported.");
      return;
    }
    if (!tokens.authenticates(credentials.clientId(), credentials.clientSecret())) {
      LOG.info("token_rejected client_id={}", credentials.clientId());
      oauthError(ctx, 401, "invalid_client", "Client authentication failed.");
      return;
    }
    String token = tokens.issue();
    LOG.debug("token_issued client_id={}", credentials.clientId());
    SimResponses.json(
        ctx,
        200,
        new JsonObject()
            .put("access_token", token)
            .put("token_type", "Bearer")
            .put("expires_in", tokens.lifetime().toSeconds()));
  }

  private static Credentials read(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    String grant;
    String id;
    String secret;
    if (contentType != null && contentType.toLowerCase().startsWith("application/json")) {
      JsonObject body = ctx.body().isEmpty() ? new JsonObject() : ctx.body().asJsonObject();
      grant = body.getString("grant_type");
      id = body.getString("client_id");
      secret = body.getString("client_secret");
    } else {
      grant = ctx.request().getFormAttribute("grant_type");
      id = ctx.request().getFormAttribute("client_id");
      secret = ctx.request().getFormAttribute("client_secret");
    }
    String basic = ctx.request().getHeader("Authorization");
    if ((id == null || secret == null)
        && basic != null
        && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded = decodeBasic(basic.substring(6).trim());
      int colon = decoded == null ? -1 : decoded.indexOf(':');
      if (colon > 0) {
        id = decoded.substring(0, colon);
        secret = decoded.substring(colon + 1);
      }
    }
    return new Credentials(grant, id, secret);
  }

  private static String decodeBasic(String encoded) {
    try {
      return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void oauthError(RoutingContext ctx, int status, String error, String description) {
    SimResponses.json(
        ctx, status, new JsonObject().put("error", error).put("error_description", description));
  }
}
