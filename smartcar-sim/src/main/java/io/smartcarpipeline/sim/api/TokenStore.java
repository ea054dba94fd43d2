package io.smartcarpipeline.sim.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client-credentials side of the stand-in's IAM (docs/smartcar-v3.md §1.2): checks the one
 * configured client id/secret, issues opaque bearer tokens and says whether a token is still valid.
 * Time comes from an injected {@link Clock}; thread-safe.
 *
 * <p>Rules: a token is valid from issue until issue + lifetime (exclusive); revoked or unknown
 * tokens are invalid; secrets are compared in constant time and never stored elsewhere.
 */
public final class TokenStore {

  private final String clientId;
  private final byte[] clientSecret;
  private final Duration lifetime;
  private final Clock clock;
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

  public TokenStore(String clientId, String clientSecret, Duration lifetime, Clock clock) {
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** True if these are the configured client credentials. */
  public boolean authenticates(String id, String secret) {
    if (id == null || secret == null) {
      return false;
    }
    boolean idMatches =
        MessageDigest.isEqual(
            clientId.getBytes(StandardCharsets.UTF_8), id.getBytes(StandardCharsets.UTF_8));
    boolean secretMatches =
        MessageDigest.isEqual(clientSecret, secret.getBytes(StandardCharsets.UTF_8));
    return idMatches && secretMatches;
  }

  /** Issues a new token valid for the configured lifetime. */
  public String issue() {
    Instant now = clock.instant();
    expiries.values().removeIf(expiry -> !now.isBefore(expiry));
    String token = "sim_" + UUID.randomUUID().toString().replace("-", "");
    expiries.put(token, now.plus(lifetime));
    return token;
  }

  /** True if the token was issued here, is not revoked and has not expired. */
  public boolean isValid(String token) {
    Instant expiry = token == null ? null : expiries.get(token);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  /** Invalidates every issued token (tests of the 401-refresh-retry path). */
  public void revokeAll() {
    expiries.clear();
  }

  public Duration lifetime() {
    return lifetime;
  }
}
