package io.smartcarpipeline.smartcar.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An app token from the IAM endpoint. {@link #toString()} never shows the value.
 *
 * @param value the bearer token
 * @param expiresAt when Smartcar stops accepting it
 */
public record AccessToken(String value, Instant expiresAt) {

  public AccessToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** A token issued at {@code now} that lives {@code expiresIn}. */
  public static AccessToken issued(String value, Instant now, Duration expiresIn) {
    return new AccessToken(value, now.plus(expiresIn));
  }

  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + "]";
  }
}
