package io.smartcarpipeline.smartcar.auth;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches the one application token and renews it before it expires (docs/smartcar-v3.md §1.2,
 * §9.3). At most one token request is in flight, whatever the number of callers: they all share its
 * future. Inside the renewal window ({@code renewBefore} ahead of expiry) callers keep the still
 * valid token while the refresh runs; past expiry they wait for it. After a 401 the caller calls
 * {@link #invalidate(AccessToken)} with the token that was refused: only the first such call drops
 * the cache, so a burst of 401s on the same token causes one refresh.
 */
public final class TokenProvider {

  private static final Logger LOG = LoggerFactory.getLogger(TokenProvider.class);

  private final TokenEndpoint endpoint;
  private final Clock clock;
  private final Duration renewBefore;
  private final Consumer<Boolean> refreshListener;
  private AccessToken current;
  private Future<AccessToken> inFlight;

  /**
   * @param refreshListener told of every completed refresh (true = got a token), for metrics
   */
  public TokenProvider(
      TokenEndpoint endpoint,
      Clock clock,
      Duration renewBefore,
      Consumer<Boolean> refreshListener) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.renewBefore = Objects.requireNonNull(renewBefore, "renewBefore");
    this.refreshListener = Objects.requireNonNull(refreshListener, "refreshListener");
  }

  /** A valid token: the cached one, or the result of the (shared) refresh. */
  public synchronized Future<AccessToken> token() {
    Instant now = clock.instant();
    if (current != null && now.isBefore(current.expiresAt())) {
      if (!now.isBefore(renewAt(current))) {
        refresh(); // renew in the background; this caller keeps the valid token
      }
      return Future.succeededFuture(current);
    }
    return refresh();
  }

  /** Drops {@code refused} from the cache if it still is the cached token. */
  public synchronized void invalidate(AccessToken refused) {
    if (refused != null && refused.equals(current)) {
      LOG.info("token_invalidated reason=refused_by_api");
      current = null;
    }
  }

  private Instant renewAt(AccessToken token) {
    return token.expiresAt().minus(renewBefore);
  }

  private Future<AccessToken> refresh() {
    if (inFlight != null) {
      return inFlight;
    }
    Future<AccessToken> request;
    try {
      request = endpoint.requestToken();
    } catch (RuntimeException e) {
      request = Future.failedFuture(e);
    }
    inFlight = request;
    request.onComplete(ar -> completed(ar.succeeded() ? ar.result() : null, ar.cause()));
    // the request may already be complete, in which case completed() has cleared inFlight
    return request;
  }

  private synchronized void completed(AccessToken token, Throwable failure) {
    inFlight = null;
    if (token != null) {
      current = token;
      LOG.info("token_refreshed expires_at={}", token.expiresAt());
      refreshListener.accept(true);
    } else {
      LOG.warn("token_refresh_failed error={}", failure == null ? "unknown" : failure.getMessage());
      refreshListener.accept(false);
    }
  }
}
