package io.smartcarpipeline.smartcar.auth;

/**
 * IAM refused or could not be reached. {@link #retryable()} tells a transient failure (network,
 * 5xx) from a rejection (400 invalid_request, 401 invalid_client) that no retry fixes.
 */
public final class TokenRequestException extends RuntimeException {

  private final int httpStatus;
  private final String errorCode;

  public TokenRequestException(int httpStatus, String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** HTTP status of the token endpoint, 0 when no answer came. */
  public int httpStatus() {
    return httpStatus;
  }

  /** OAuth error code (invalid_client…), may be null. */
  public String errorCode() {
    return errorCode;
  }

  /** Whether a later attempt may succeed. */
  public boolean retryable() {
    return httpStatus == 0 || httpStatus == 429 || httpStatus >= 500;
  }
}
