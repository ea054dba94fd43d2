package io.smartcarpipeline.smartcar.errors;

/** Which backoff schedule of the retry policy a retryable outcome uses. */
public enum Schedule {
  /** Not retried. */
  NONE,
  /** Server, upstream and network failures: capped exponential backoff with full jitter. */
  TRANSIENT,
  /** Asleep or unreachable vehicles, OEM rate limits: the longer schedule (1 m, 5 m, 15 m…). */
  VEHICLE,
  /** Rate limits: wait what Retry-After says (falls back to TRANSIENT without the header). */
  RETRY_AFTER,
  /** Retry at once (after a token refresh). */
  IMMEDIATE
}
