package io.smartcarpipeline.sim.load;

import java.time.Duration;

/**
 * What {@code sim} in load mode sends: signed webhooks to {@code url} for {@code duration}, either
 * open loop at {@code ratePerSecond} or closed loop with {@code concurrency} outstanding (exactly
 * one of the two is positive).
 */
public record LoadPlan(
    String url,
    double ratePerSecond,
    int concurrency,
    Duration duration,
    int signals,
    int vehicles) {

  public LoadPlan {
    if ((ratePerSecond > 0) == (concurrency > 0)) {
      throw new IllegalArgumentException(
          "give either a rate (open loop) or a concurrency (closed loop), not both or neither");
    }
    if (ratePerSecond < 0 || concurrency < 0) {
      throw new IllegalArgumentException("the rate and the concurrency must not be negative");
    }
    if (signals < 1 || signals > VehicleStateBodies.MAX_SIGNALS) {
      throw new IllegalArgumentException("signals must be 1.." + VehicleStateBodies.MAX_SIGNALS);
    }
    if (vehicles < 1) {
      throw new IllegalArgumentException("vehicles must be >= 1");
    }
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the duration must be > 0");
    }
  }

  /** Whether this is an open-loop (fixed rate) run. */
  public boolean openLoop() {
    return ratePerSecond > 0;
  }

  /** Keep-alive connections: enough for the concurrency, at least 64. */
  int connections() {
    return Math.max(64, concurrency);
  }
}
