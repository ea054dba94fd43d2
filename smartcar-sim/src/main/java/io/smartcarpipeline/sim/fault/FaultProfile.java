package io.smartcarpipeline.sim.fault;

/**
 * How one kind of request misbehaves: the share (0..1) of each injected fault, the added latency,
 * the {@code Retry-After} of a 429 and how long a long-running answer holds the connection. Also
 * the JSON body of {@code POST /_sim/faults} (every field optional).
 *
 * <p>Rules: each share is within 0..1 and their sum is at most 1 (one request gets at most one
 * fault); latencies are non-negative with min ≤ max.
 *
 * @param rateLimitShare share answered 429 {@code RATE_LIMIT:VEHICLE} with {@code Retry-After}
 * @param serverErrorShare share answered 500 {@code SERVER:INTERNAL}
 * @param upstreamShare share answered 502 {@code UPSTREAM:NO_RESPONSE}
 * @param gatewayTimeoutShare share where the vehicle carries the command out but the answer is a
 *     504 (the ambiguous case of docs/smartcar-v3.md §5.2)
 * @param dropShare share whose connection is closed without an answer (command not run)
 * @param longRunningShare share answered 202, chunked, with the final body after {@code
 *     longRunningMs}
 * @param minLatencyMs smallest added latency
 * @param maxLatencyMs largest added latency (uniform between min and max)
 * @param retryAfterSeconds {@code Retry-After} of an injected 429 (default 1)
 * @param longRunningMs how long a long-running answer waits before its body (default 2000)
 */
public record FaultProfile(
    double rateLimitShare,
    double serverErrorShare,
    double upstreamShare,
    double gatewayTimeoutShare,
    double dropShare,
    double longRunningShare,
    long minLatencyMs,
    long maxLatencyMs,
    Integer retryAfterSeconds,
    Long longRunningMs) {

  private static final FaultProfile NONE = new FaultProfile(0, 0, 0, 0, 0, 0, 0, 0, null, null);

  public FaultProfile {
    double sum =
        requireShare("rateLimitShare", rateLimitShare)
            + requireShare("serverErrorShare", serverErrorShare)
            + requireShare("upstreamShare", upstreamShare)
            + requireShare("gatewayTimeoutShare", gatewayTimeoutShare)
            + requireShare("dropShare", dropShare)
            + requireShare("longRunningShare", longRunningShare);
    if (sum > 1.0 + 1e-9) {
      throw new IllegalArgumentException("the fault shares add up to " + sum + ", more than 1");
    }
    if (minLatencyMs < 0 || maxLatencyMs < 0) {
      throw new IllegalArgumentException("latencies must be >= 0");
    }
    if (maxLatencyMs < minLatencyMs) {
      maxLatencyMs = minLatencyMs;
    }
    retryAfterSeconds = retryAfterSeconds == null ? 1 : retryAfterSeconds;
    longRunningMs = longRunningMs == null ? 2000L : longRunningMs;
    if (retryAfterSeconds < 0 || longRunningMs < 0) {
      throw new IllegalArgumentException("retryAfterSeconds and longRunningMs must be >= 0");
    }
  }

  private static double requireShare(String name, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(name + " must be within 0..1, was " + share);
    }
    return share;
  }

  /** No faults, no latency. */
  public static FaultProfile none() {
    return NONE;
  }

  /** Share answered 429 RATE_LIMIT:VEHICLE with this Retry-After. */
  public FaultProfile withRateLimit(double share, int retryAfter) {
    return new FaultProfile(
        share,
        serverErrorShare,
        upstreamShare,
        gatewayTimeoutShare,
        dropShare,
        longRunningShare,
        minLatencyMs,
        maxLatencyMs,
        retryAfter,
        longRunningMs);
  }

  /** Share answered 500 SERVER:INTERNAL. */
  public FaultProfile withServerErrors(double share) {
    return new FaultProfile(
        rateLimitShare,
        share,
        upstreamShare,
        gatewayTimeoutShare,
        dropShare,
        longRunningShare,
        minLatencyMs,
        maxLatencyMs,
        retryAfterSeconds,
        longRunningMs);
  }

  /** Share answered 502 UPSTREAM:NO_RESPONSE. */
  public FaultProfile withUpstreamErrors(double share) {
    return new FaultProfile(
        rateLimitShare,
        serverErrorShare,
        share,
        gatewayTimeoutShare,
        dropShare,
        longRunningShare,
        minLatencyMs,
        maxLatencyMs,
        retryAfterSeconds,
        longRunningMs);
  }

  /** Share that runs the command, then answers 504 (ambiguous outcome). */
  public FaultProfile withGatewayTimeouts(double share) {
    return new FaultProfile(
        rateLimitShare,
        serverErrorShare,
        upstreamShare,
        share,
        dropShare,
        longRunningShare,
        minLatencyMs,
        maxLatencyMs,
        retryAfterSeconds,
        longRunningMs);
  }

  /** Share whose connection is closed without an answer. */
  public FaultProfile withDrops(double share) {
    return new FaultProfile(
        rateLimitShare,
        serverErrorShare,
        upstreamShare,
        gatewayTimeoutShare,
        share,
        longRunningShare,
        minLatencyMs,
        maxLatencyMs,
        retryAfterSeconds,
        longRunningMs);
  }

  /** Share answered 202 chunked, the final body after {@code holdMs}. */
  public FaultProfile withLongRunning(double share, long holdMs) {
    return new FaultProfile(
        rateLimitShare,
        serverErrorShare,
        upstreamShare,
        gatewayTimeoutShare,
        dropShare,
        share,
        minLatencyMs,
        maxLatencyMs,
        retryAfterSeconds,
        holdMs);
  }

  /** Added latency, uniform in {@code [minMs, maxMs]} (equal values: fixed). */
  public FaultProfile withLatency(long minMs, long maxMs) {
    return new FaultProfile(
        rateLimitShare,
        serverErrorShare,
        upstreamShare,
        gatewayTimeoutShare,
        dropShare,
        longRunningShare,
        minMs,
        maxMs,
        retryAfterSeconds,
        longRunningMs);
  }
}
