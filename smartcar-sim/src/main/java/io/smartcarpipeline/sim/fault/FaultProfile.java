package io.smartcarpipeline.sim.fault;

import java.util.function.Consumer;

/**
 * How one kind of request misbehaves: the share (0..1) of each injected fault, the added latency,
 * the {@code Retry-After} of a 429 and how long a long-running answer holds the connection. Also
 * the JSON body of {@code POST /_sim/faults} (every field optional).
 *
 * <p>Rules: each share is within 0..1 and their sum is at most 1 (one request gets at most one
 * fault); latencies and times are non-negative, and a max latency below the min is raised to it.
 * Each rule is checked in one place ({@link FaultShare} for the shares) and a bad value is named by
 * its field with the range it must be in.
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
 * @param gatewayTimeoutBeforeShare share answered 504 <em>before</em> the command reaches the car
 *     (ambiguous to the caller, vehicle unchanged)
 * @param pendingShare share answered 200 with {@code status.value = PENDING}; the car carries the
 *     command out {@code longRunningMs} later (a long PENDING)
 * @param oemRateLimitShare share answered 502 {@code UPSTREAM:RATE_LIMIT} (the OEM's own limit)
 * @param reportDelayMs after a command this profile lets run, the car reports the change (signals
 *     read, {@code oemUpdatedAt}) only this much later; until then it reports its state from before
 *     the command (null or 0: at once)
 * @param neverReports the car never reports the change of a command this profile lets run
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
    Long longRunningMs,
    double gatewayTimeoutBeforeShare,
    double pendingShare,
    double oemRateLimitShare,
    Long reportDelayMs,
    boolean neverReports) {

  private static final FaultProfile NONE = new FaultProfile(0, 0, 0, 0, 0, 0, 0, 0, null, null);

  /** The profile without the ambiguous-outcome and reporting faults. */
  public FaultProfile(
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
    this(
        rateLimitShare,
        serverErrorShare,
        upstreamShare,
        gatewayTimeoutShare,
        dropShare,
        longRunningShare,
        minLatencyMs,
        maxLatencyMs,
        retryAfterSeconds,
        longRunningMs,
        0,
        0,
        0,
        null,
        false);
  }

  public FaultProfile {
    FaultShare.requireShares(
        rateLimitShare,
        serverErrorShare,
        upstreamShare,
        gatewayTimeoutShare,
        dropShare,
        longRunningShare,
        gatewayTimeoutBeforeShare,
        pendingShare,
        oemRateLimitShare);
    requireNonNegative("minLatencyMs", minLatencyMs);
    requireNonNegative("maxLatencyMs", maxLatencyMs);
    if (maxLatencyMs < minLatencyMs) {
      maxLatencyMs = minLatencyMs;
    }
    retryAfterSeconds = retryAfterSeconds == null ? 1 : retryAfterSeconds;
    longRunningMs = longRunningMs == null ? 2000L : longRunningMs;
    reportDelayMs = reportDelayMs == null ? 0L : reportDelayMs;
    requireNonNegative("retryAfterSeconds", retryAfterSeconds);
    requireNonNegative("longRunningMs", longRunningMs);
    requireNonNegative("reportDelayMs", reportDelayMs);
  }

  /** Whether a command this profile lets run is reported late or never. */
  public boolean reportsLate() {
    return neverReports || reportDelayMs > 0;
  }

  private static void requireNonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, was " + value);
    }
  }

  /** No faults, no latency. */
  public static FaultProfile none() {
    return NONE;
  }

  /** A copy where {@code share} of the requests get {@code fault}. */
  public FaultProfile withShare(FaultShare fault, double share) {
    return copy(c -> c.shares[fault.ordinal()] = share);
  }

  /** Share answered 429 RATE_LIMIT:VEHICLE with this Retry-After. */
  public FaultProfile withRateLimit(double share, int retryAfter) {
    return withShare(FaultShare.RATE_LIMIT, share).copy(c -> c.retryAfter = retryAfter);
  }

  /** Share answered 500 SERVER:INTERNAL. */
  public FaultProfile withServerErrors(double share) {
    return withShare(FaultShare.SERVER_ERROR, share);
  }

  /** Share answered 502 UPSTREAM:NO_RESPONSE. */
  public FaultProfile withUpstreamErrors(double share) {
    return withShare(FaultShare.UPSTREAM, share);
  }

  /** Share that runs the command, then answers 504 (ambiguous outcome). */
  public FaultProfile withGatewayTimeouts(double share) {
    return withShare(FaultShare.GATEWAY_TIMEOUT, share);
  }

  /** Share answered 504 without running the command (ambiguous to the caller). */
  public FaultProfile withGatewayTimeoutsBefore(double share) {
    return withShare(FaultShare.GATEWAY_TIMEOUT_BEFORE, share);
  }

  /** Share answered PENDING at once; the command runs {@code runAfterMs} later. */
  public FaultProfile withPending(double share, long runAfterMs) {
    return withShare(FaultShare.PENDING, share).copy(c -> c.longRunning = runAfterMs);
  }

  /** Share answered 502 UPSTREAM:RATE_LIMIT. */
  public FaultProfile withOemRateLimit(double share) {
    return withShare(FaultShare.OEM_RATE_LIMIT, share);
  }

  /** The car reports the change of a command this profile lets run {@code delayMs} later. */
  public FaultProfile withReportDelay(long delayMs) {
    return copy(c -> c.reportDelay = delayMs);
  }

  /** The car never reports the change of a command this profile lets run. */
  public FaultProfile withNeverReports() {
    return copy(c -> c.never = true);
  }

  /** Share whose connection is closed without an answer. */
  public FaultProfile withDrops(double share) {
    return withShare(FaultShare.DROP, share);
  }

  /** Share answered 202 chunked, the final body after {@code holdMs}. */
  public FaultProfile withLongRunning(double share, long holdMs) {
    return withShare(FaultShare.LONG_RUNNING, share).copy(c -> c.longRunning = holdMs);
  }

  /** Added latency, uniform in {@code [minMs, maxMs]} (equal values: fixed). */
  public FaultProfile withLatency(long minMs, long maxMs) {
    return copy(
        c -> {
          c.minLatency = minMs;
          c.maxLatency = maxMs;
        });
  }

  /** A copy with {@code change} applied, checked by the canonical constructor. */
  private FaultProfile copy(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The components of a profile, mutable for the withers; shares in {@link FaultShare} order. */
  private static final class Copy {
    private final double[] shares = new double[FaultShare.values().length];
    private long minLatency;
    private long maxLatency;
    private Integer retryAfter;
    private Long longRunning;
    private Long reportDelay;
    private boolean never;

    Copy(FaultProfile p) {
      for (FaultShare share : FaultShare.values()) {
        shares[share.ordinal()] = share.of(p);
      }
      minLatency = p.minLatencyMs;
      maxLatency = p.maxLatencyMs;
      retryAfter = p.retryAfterSeconds;
      longRunning = p.longRunningMs;
      reportDelay = p.reportDelayMs;
      never = p.neverReports;
    }

    FaultProfile build() {
      return new FaultProfile(
          shares[FaultShare.RATE_LIMIT.ordinal()],
          shares[FaultShare.SERVER_ERROR.ordinal()],
          shares[FaultShare.UPSTREAM.ordinal()],
          shares[FaultShare.GATEWAY_TIMEOUT.ordinal()],
          shares[FaultShare.DROP.ordinal()],
          shares[FaultShare.LONG_RUNNING.ordinal()],
          minLatency,
          maxLatency,
          retryAfter,
          longRunning,
          shares[FaultShare.GATEWAY_TIMEOUT_BEFORE.ordinal()],
          shares[FaultShare.PENDING.ordinal()],
          shares[FaultShare.OEM_RATE_LIMIT.ordinal()],
          reportDelay,
          never);
    }
  }
}
