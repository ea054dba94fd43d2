package io.smartcarpipeline.smartcar.errors;

import java.time.Duration;

/**
 * The classifier's decision about one call.
 *
 * @param verdict what to do next
 * @param reason short, log- and result-friendly explanation
 * @param schedule the backoff schedule when retryable
 * @param retryAfter Smartcar's Retry-After, when given
 * @param attemptLimit a cap on total attempts for this kind of error (0 = the policy's cap)
 * @param outcomeUnknown the call may have run and must not be blindly repeated
 * @param appWide the failure concerns the whole application (app-wide rate limit): every vehicle
 *     should hold back, not just this one
 * @param brokenService the failure says Smartcar itself is failing; it counts for the breaker
 */
public record Classification(
    Verdict verdict,
    String reason,
    Schedule schedule,
    Duration retryAfter,
    int attemptLimit,
    boolean outcomeUnknown,
    boolean appWide,
    boolean brokenService) {

  static Classification success(String reason) {
    return new Classification(Verdict.SUCCESS, reason, Schedule.NONE, null, 0, false, false, false);
  }

  static Classification alreadyDone(String reason) {
    return new Classification(
        Verdict.ALREADY_DONE, reason, Schedule.NONE, null, 0, false, false, false);
  }

  static Classification permanent(String reason) {
    return new Classification(
        Verdict.PERMANENT, reason, Schedule.NONE, null, 0, false, false, false);
  }

  static Classification outcomeUnknown(String reason, boolean brokenService) {
    return new Classification(
        Verdict.PERMANENT, reason, Schedule.NONE, null, 0, true, false, brokenService);
  }

  static Classification retry(String reason, Schedule schedule, boolean brokenService) {
    return new Classification(
        Verdict.RETRYABLE, reason, schedule, null, 0, false, false, brokenService);
  }

  static Classification reauthenticate(String reason) {
    return new Classification(
        Verdict.REAUTHENTICATE, reason, Schedule.IMMEDIATE, null, 0, false, false, false);
  }

  Classification withRetryAfter(Duration value) {
    return new Classification(
        verdict, reason, schedule, value, attemptLimit, outcomeUnknown, appWide, brokenService);
  }

  Classification withAttemptLimit(int limit) {
    return new Classification(
        verdict, reason, schedule, retryAfter, limit, outcomeUnknown, appWide, brokenService);
  }

  Classification asAppWide() {
    return new Classification(
        verdict, reason, schedule, retryAfter, attemptLimit, outcomeUnknown, true, brokenService);
  }

  /** Whether the command is finished with success. */
  public boolean succeeded() {
    return verdict == Verdict.SUCCESS || verdict == Verdict.ALREADY_DONE;
  }
}
