package io.smartcarpipeline.smartcar.fleet;

import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.smartcarpipeline.smartcar.http.ApiResponse;

/**
 * The final answer of one logical call: the classifier's verdict, what came back, and the body for
 * the caller to read (listings, compatibility).
 *
 * @param classification the classifier's decision about the last attempt
 * @param outcome the last attempt's outcome; null when no call was made (no app token)
 * @param body the last response's body, or null
 * @param attempts calls made, retries and the 401 retry included
 */
public record SmartcarAnswer(
    Classification classification, ApiOutcome outcome, String body, int attempts) {

  static SmartcarAnswer noCall(Classification c, int attempts) {
    return new SmartcarAnswer(c, null, null, attempts - 1);
  }

  /** Whether the call reached its goal (SUCCESS, or ALREADY_DONE such as 409 on subscribe). */
  public boolean ok() {
    return classification.succeeded();
  }

  /** The HTTP status of the last response, or 0. */
  public int httpStatus() {
    return outcome instanceof ApiResponse r ? r.httpStatus() : 0;
  }

  /**
   * {@code TYPE:CODE} of the Smartcar error, {@code HTTP_<status>} or the transport failure kind.
   */
  public String errorKey() {
    if (outcome instanceof ApiResponse r) {
      if (r.errorType() != null) {
        return r.errorType() + (r.errorCode() != null ? ":" + r.errorCode() : "");
      }
      return "HTTP_" + r.httpStatus();
    }
    return outcome == null ? "NO_TOKEN" : "TRANSPORT";
  }

  /** One line for logs and reports: the reason, the error and the request id. */
  public String describe() {
    String requestId = outcome == null ? null : outcome.requestId();
    return classification.reason()
        + " ("
        + errorKey()
        + (requestId != null ? ", SC-Request-Id " + requestId : "")
        + ")";
  }
}
