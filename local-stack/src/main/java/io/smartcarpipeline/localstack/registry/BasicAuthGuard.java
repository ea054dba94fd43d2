package io.smartcarpipeline.localstack.registry;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Lets a request through only with the one configured user's HTTP basic credentials. Anything else
 * fails the request with a {@link RegistryException} of status 401, which the routes answer in
 * Confluent's error shape, after a {@code WWW-Authenticate} challenge header is set. The comparison
 * takes the same time wherever the credentials differ.
 */
final class BasicAuthGuard implements Handler<RoutingContext> {

  static final String REALM = "schema-registry";

  private final byte[] expected;

  BasicAuthGuard(RegistrySecurity.Credentials credentials) {
    this.expected =
        ("Basic "
                + Base64.getEncoder()
                    .encodeToString(credentials.userInfo().getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String given = ctx.request().getHeader("Authorization");
    if (given != null
        && MessageDigest.isEqual(expected, given.trim().getBytes(StandardCharsets.UTF_8))) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
    ctx.fail(RegistryException.http(401, "Unauthorized"));
  }
}
