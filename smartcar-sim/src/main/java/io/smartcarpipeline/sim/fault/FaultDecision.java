package io.smartcarpipeline.sim.fault;

import io.smartcarpipeline.sim.SmartcarError;
import java.time.Instant;

/**
 * What the fault injector decided for one request: which fault (or none), the latency to add before
 * acting, for a long-running or PENDING answer how long until the command runs, and from when the
 * car reports a change this request makes ({@code reportFrom}: null = at once, {@link Instant#MAX}
 * = never).
 */
public record FaultDecision(
    Kind kind, long latencyMs, int retryAfterSeconds, long longRunningMs, Instant reportFrom) {

  /** A decision whose command, if it runs, is reported at once. */
  public FaultDecision(Kind kind, long latencyMs, int retryAfterSeconds, long longRunningMs) {
    this(kind, latencyMs, retryAfterSeconds, longRunningMs, null);
  }

  /** The faults a request can get; at most one per request. */
  public enum Kind {
    NONE,
    RATE_LIMIT,
    SERVER_ERROR,
    UPSTREAM,
    GATEWAY_TIMEOUT,
    DROP,
    LONG_RUNNING,
    /** 504 without running the command. */
    GATEWAY_TIMEOUT_BEFORE,
    /** 200 PENDING at once; the command runs after {@code longRunningMs}. */
    PENDING,
    /** 502 UPSTREAM:RATE_LIMIT. */
    OEM_RATE_LIMIT
  }

  /** The error to answer for {@code RATE_LIMIT}, {@code SERVER_ERROR} or {@code UPSTREAM}. */
  public SmartcarError error() {
    return switch (kind) {
      case RATE_LIMIT -> SmartcarError.rateLimit("VEHICLE", retryAfterSeconds);
      case SERVER_ERROR -> SmartcarError.serverInternal();
      case UPSTREAM -> SmartcarError.upstream();
      case OEM_RATE_LIMIT -> SmartcarError.oemRateLimit();
      default -> null;
    };
  }
}
