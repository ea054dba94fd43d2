package io.smartcarpipeline.sim.fault;

import java.util.function.ToDoubleFunction;

/**
 * The faults a {@link FaultProfile} gives a share of requests, in the order the {@link
 * FaultInjector} draws them (429, 500, 502, 504, drop, long-running, 504-before, PENDING, 502
 * UPSTREAM:RATE_LIMIT) and the order of the profile's share components. Each names its field of the
 * {@code POST /_sim/faults} body, so a bad value is reported under the name the caller wrote.
 */
public enum FaultShare {
  RATE_LIMIT("rateLimitShare", FaultDecision.Kind.RATE_LIMIT, FaultProfile::rateLimitShare),
  SERVER_ERROR("serverErrorShare", FaultDecision.Kind.SERVER_ERROR, FaultProfile::serverErrorShare),
  UPSTREAM("upstreamShare", FaultDecision.Kind.UPSTREAM, FaultProfile::upstreamShare),
  GATEWAY_TIMEOUT(
      "gatewayTimeoutShare", FaultDecision.Kind.GATEWAY_TIMEOUT, FaultProfile::gatewayTimeoutShare),
  DROP("dropShare", FaultDecision.Kind.DROP, FaultProfile::dropShare),
  LONG_RUNNING("longRunningShare", FaultDecision.Kind.LONG_RUNNING, FaultProfile::longRunningShare),
  GATEWAY_TIMEOUT_BEFORE(
      "gatewayTimeoutBeforeShare",
      FaultDecision.Kind.GATEWAY_TIMEOUT_BEFORE,
      FaultProfile::gatewayTimeoutBeforeShare),
  PENDING("pendingShare", FaultDecision.Kind.PENDING, FaultProfile::pendingShare),
  OEM_RATE_LIMIT(
      "oemRateLimitShare", FaultDecision.Kind.OEM_RATE_LIMIT, FaultProfile::oemRateLimitShare);

  private final String field;
  private final FaultDecision.Kind kind;
  private final ToDoubleFunction<FaultProfile> accessor;

  FaultShare(String field, FaultDecision.Kind kind, ToDoubleFunction<FaultProfile> accessor) {
    this.field = field;
    this.kind = kind;
    this.accessor = accessor;
  }

  /** The field of the JSON body and the record component, e.g. {@code rateLimitShare}. */
  public String field() {
    return field;
  }

  /** The fault a request drawn into this share gets. */
  public FaultDecision.Kind kind() {
    return kind;
  }

  /** This share of {@code profile}. */
  public double of(FaultProfile profile) {
    return accessor.applyAsDouble(profile);
  }

  /**
   * Checks every share, given in this enum's order, and returns their sum.
   *
   * @throws IllegalArgumentException naming the field of a share outside 0..1, or saying the sum is
   *     above 1
   */
  static double requireShares(double... inOrder) {
    FaultShare[] all = values();
    if (inOrder.length != all.length) {
      throw new IllegalArgumentException(all.length + " shares expected, got " + inOrder.length);
    }
    double sum = 0;
    for (FaultShare share : all) {
      double value = inOrder[share.ordinal()];
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(share.field + " must be within 0..1, was " + value);
      }
      sum += value;
    }
    if (sum > 1.0 + 1e-9) {
      throw new IllegalArgumentException(
          "the fault shares add up to "
              + sum
              + ", more than 1: a request gets at most one fault, lower some of them");
    }
    return sum;
  }
}
