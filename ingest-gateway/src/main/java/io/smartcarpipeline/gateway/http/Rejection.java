package io.smartcarpipeline.gateway.http;

import java.util.Optional;

/**
 * Why a request gets a 4xx or 503, as a value carried down a failed Future. Rule: every rejection
 * becomes the JSON error shape {@code {"error":{"code","message"}}} with its status; a 503 also
 * carries {@code Retry-After}. The message never contains the body or a secret.
 */
final class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String outcome;
  private final Optional<Long> retryAfterSeconds;

  private Rejection(
      int status, String code, String message, String outcome, Optional<Long> retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.outcome = outcome;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static Rejection unauthorized(String code, String message) {
    return new Rejection(401, code, message, "unauthorized", Optional.empty());
  }

  static Rejection badRequest(String code, String message) {
    return new Rejection(400, code, message, "bad_request", Optional.empty());
  }

  /** 429: a client's failures beyond its limit (the outcome counts them apart). */
  static Rejection tooManyFailures(String code, String message) {
    return new Rejection(429, code, message, "signature_failures_limited", Optional.empty());
  }

  static Rejection unavailable(String code, String message, long retryAfterSeconds) {
    return new Rejection(503, code, message, "unavailable", Optional.of(retryAfterSeconds));
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** The {@code outcome} tag of the request counter. */
  String outcome() {
    return outcome;
  }

  Optional<Long> retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
