package io.smartcarpipeline.sim.fault;

import io.smartcarpipeline.sim.SmartcarError;

/**
 * What the fault injector decided for one request: which fault (or none), the latency to add before
 * acting, and for a long-running answer how long to hold the connection.
 */
public record FaultDecision(Kind kind, long latencyMs, int retryAfterSeconds, long longRunningMs) {

  /** The faults a request can get; at most one per request. */
  public enum Kind {
    NONE,
    RATE_LIMIT,
    SERVER_ERROR,
    UPSTREAM,
    GATEWAY_TIMEOUT,
    DROP,
    LONG_RUNNING
  }

  /** The error to answer for {@code RATE_LIMIT}, {@code SERVER_ERROR} or {@code UPSTREAM}. */
  public SmartcarError error() {
    return switch (kind) {
      case RATE_LIMIT -> SmartcarError.rateLimit("VEHICLE", retryAfterSeconds);
      case SERVER_ERROR -> SmartcarError.serverInternal();
      case UPSTREAM -> SmartcarError.upstream();
      default -> null;
    };
  }
}
