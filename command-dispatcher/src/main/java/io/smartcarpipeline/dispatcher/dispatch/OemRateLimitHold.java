package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import java.time.Duration;

/**
 * {@code UPSTREAM:RATE_LIMIT}: the manufacturer's own limit, not Smartcar's. It is final for the
 * command, and the vehicle is not called again for {@code hold} ({@code
 * DISPATCHER_OEM_RATE_LIMIT_HOLD}): later commands for it wait and expire unsent.
 *
 * @param hold how long the vehicle is not called
 */
record OemRateLimitHold(Duration hold) {

  /** Whether the answer is the manufacturer's rate limit (type and code in any case). */
  static boolean applies(ApiOutcome outcome) {
    return outcome instanceof ApiResponse r
        && "UPSTREAM".equalsIgnoreCase(r.errorType())
        && "RATE_LIMIT".equalsIgnoreCase(r.errorCode());
  }

  /** What the result tells the orchestrator. */
  String message() {
    return "the dispatcher will not call this vehicle again for "
        + hold
        + " (DISPATCHER_OEM_RATE_LIMIT_HOLD); send a new command after that";
  }
}
