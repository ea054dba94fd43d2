package io.smartcarpipeline.dispatcher.retry;

import java.time.Duration;

/**
 * Whether to call again, and after how long; or why not.
 *
 * @param retry true to call again
 * @param delay the wait before the next call (zero when not retrying)
 * @param giveUpReason why the policy stops, null when retrying or when the error is not retryable
 */
public record RetryDecision(boolean retry, Duration delay, String giveUpReason) {

  static RetryDecision after(Duration delay) {
    return new RetryDecision(true, delay, null);
  }

  static RetryDecision stop(String reason) {
    return new RetryDecision(false, Duration.ZERO, reason);
  }
}
