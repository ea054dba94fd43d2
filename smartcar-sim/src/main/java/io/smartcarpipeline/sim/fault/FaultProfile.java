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
    double sum =
        requireShare("rateLimitShare", rateLimitShare)
            + requireShare("serverErrorShare", serverErrorShare)
            + requireShare("upstreamShare", upstreamShare)
            + requireShare("gatewayTimeoutShare", gatewayTimeoutShare)
            + requireShare("dropShare", dropShare)
            + requireShare("longRunningShare", longRunningShare)
            + requireShare("gatewayTimeoutBeforeShare", gatewayTimeoutBeforeShare)
            + requireShare("pendingShare", pendingShare)
            + requireShare("oemRateLimitShare", oemRateLimitShare);
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
    reportDelayMs = reportDelayMs == null ? 0L : reportDelayMs;
    if (retryAfterSeconds < 0 || longRunningMs < 0 || reportDelayMs < 0) {
      throw new IllegalArgumentException(
          "retryAfterSeconds, longRunningMs and reportDelayMs must be >= 0");
    }
  }

  /** Whether a command this profile lets run is reported late or never. */
  public boolean reportsLate() {
    return neverReports || reportDelayMs > 0;
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
    return copy().rateLimit(share).retryAfter(retryAfter).build();
  }

  /** Share answered 500 SERVER:INTERNAL. */
  public FaultProfile withServerErrors(double share) {
    return copy().serverError(share).build();
  }

  /** Share answered 502 UPSTREAM:NO_RESPONSE. */
  public FaultProfile withUpstreamErrors(double share) {
    return copy().upstream(share).build();
  }

  /** Share that runs the command, then answers 504 (ambiguous outcome). */
  public FaultProfile withGatewayTimeouts(double share) {
    return copy().gatewayTimeout(share).build();
  }

  /** Share answered 504 without running the command (ambiguous to the caller). */
  public FaultProfile withGatewayTimeoutsBefore(double share) {
    return copy().gatewayTimeoutBefore(share).build();
  }

  /** Share answered PENDING at once; the command runs {@code runAfterMs} later. */
  public FaultProfile withPending(double share, long runAfterMs) {
    return copy().pending(share).longRunning(runAfterMs).build();
  }

  /** Share answered 502 UPSTREAM:RATE_LIMIT. */
  public FaultProfile withOemRateLimit(double share) {
    return copy().oemRateLimit(share).build();
  }

  /** The car reports the change of a command this profile lets run {@code delayMs} later. */
  public FaultProfile withReportDelay(long delayMs) {
    return copy().reportDelay(delayMs).build();
  }

  /** The car never reports the change of a command this profile lets run. */
  public FaultProfile withNeverReports() {
    return copy().neverReports(true).build();
  }

  /** Share whose connection is closed without an answer. */
  public FaultProfile withDrops(double share) {
    return copy().drop(share).build();
  }

  /** Share answered 202 chunked, the final body after {@code holdMs}. */
  public FaultProfile withLongRunning(double share, long holdMs) {
    return copy().longRunningShare(share).longRunning(holdMs).build();
  }

  /** Added latency, uniform in {@code [minMs, maxMs]} (equal values: fixed). */
  public FaultProfile withLatency(long minMs, long maxMs) {
    return copy().latency(minMs, maxMs).build();
  }

  private Copy copy() {
    return new Copy(this);
  }

  /** A mutable copy for the withers. */
  private static final class Copy {
    private final double[] shares = new double[9];
    private long minLatency;
    private long maxLatency;
    private Integer retryAfter;
    private Long longRunning;
    private Long reportDelay;
    private boolean never;

    Copy(FaultProfile p) {
      shares[0] = p.rateLimitShare;
      shares[1] = p.serverErrorShare;
      shares[2] = p.upstreamShare;
      shares[3] = p.gatewayTimeoutShare;
      shares[4] = p.dropShare;
      shares[5] = p.longRunningShare;
      shares[6] = p.gatewayTimeoutBeforeShare;
      shares[7] = p.pendingShare;
      shares[8] = p.oemRateLimitShare;
      minLatency = p.minLatencyMs;
      maxLatency = p.maxLatencyMs;
      retryAfter = p.retryAfterSeconds;
      longRunning = p.longRunningMs;
      reportDelay = p.reportDelayMs;
      never = p.neverReports;
    }

    Copy rateLimit(double v) {
      shares[0] = v;
      return this;
    }

    Copy serverError(double v) {
      shares[1] = v;
      return this;
    }

    Copy upstream(double v) {
      shares[2] = v;
      return this;
    }

    Copy gatewayTimeout(double v) {
      shares[3] = v;
      return this;
    }

    Copy drop(double v) {
      shares[4] = v;
      return this;
    }

    Copy longRunningShare(double v) {
      shares[5] = v;
      return this;
    }

    Copy gatewayTimeoutBefore(double v) {
      shares[6] = v;
      return this;
    }

    Copy pending(double v) {
      shares[7] = v;
      return this;
    }

    Copy oemRateLimit(double v) {
      shares[8] = v;
      return this;
    }

    Copy retryAfter(int v) {
      retryAfter = v;
      return this;
    }

    Copy longRunning(long v) {
      longRunning = v;
      return this;
    }

    Copy reportDelay(long v) {
      reportDelay = v;
      return this;
    }

    Copy neverReports(boolean v) {
      never = v;
      return this;
    }

    Copy latency(long min, long max) {
      minLatency = min;
      maxLatency = max;
      return this;
    }

    FaultProfile build() {
      return new FaultProfile(
          shares[0],
          shares[1],
          shares[2],
          shares[3],
          shares[4],
          shares[5],
          minLatency,
          maxLatency,
          retryAfter,
          longRunning,
          shares[6],
          shares[7],
          shares[8],
          reportDelay,
          never);
    }
  }
}
