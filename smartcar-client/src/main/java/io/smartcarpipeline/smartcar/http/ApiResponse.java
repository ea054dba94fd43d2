package io.smartcarpipeline.smartcar.http;

import java.time.Duration;

/**
 * An HTTP answer of the Smartcar API, read to the end and reduced to the fields the services
 * decides on. Any field may be null: the V3 error envelope is not pinned down (docs/smartcar-v3.md
 * §5.1), so the parser fills what it finds and the classifier falls back on the HTTP status.
 *
 * @param httpStatus HTTP status code
 * @param statusValue {@code data.attributes.status.value} of a command-execution (SUCCESS, FAILURE,
 *     PENDING), null for error bodies
 * @param executionId {@code data.id} (exec_…)
 * @param errorType Smartcar error type (VEHICLE_STATE, RATE_LIMIT, …)
 * @param errorCode Smartcar error code (ASLEEP, VEHICLE, …)
 * @param description English description of the error
 * @param suggestedUserMessage text safe to show to end users
 * @param retryAfter the Retry-After header, in seconds as Smartcar documents it
 * @param requestId the SC-Request-Id header (or the body's requestId)
 */
public record ApiResponse(
    int httpStatus,
    String statusValue,
    String executionId,
    String errorType,
    String errorCode,
    String description,
    String suggestedUserMessage,
    Duration retryAfter,
    String requestId)
    implements ApiOutcome {

  /** A successful command-execution body, for tests. */
  public static ApiResponse success(int httpStatus, String executionId) {
    return new ApiResponse(httpStatus, "SUCCESS", executionId, null, null, null, null, null, null);
  }

  /** An error body with a type and code, for tests. */
  public static ApiResponse error(int httpStatus, String type, String code) {
    return new ApiResponse(httpStatus, null, null, type, code, null, null, null, null);
  }

  /** This response with a Retry-After. */
  public ApiResponse withRetryAfter(Duration value) {
    return new ApiResponse(
        httpStatus,
        statusValue,
        executionId,
        errorType,
        errorCode,
        description,
        suggestedUserMessage,
        value,
        requestId);
  }
}
