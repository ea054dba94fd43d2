package io.smartcarpipeline.smartcar.auth;

import io.vertx.core.Future;

/** Where new app tokens come from: the IAM client-credentials call, or a stub in tests. */
@FunctionalInterface
public interface TokenEndpoint {

  /** Requests a fresh token; fails with {@link TokenRequestException} when IAM refuses. */
  Future<AccessToken> requestToken();
}
