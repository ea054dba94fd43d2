package io.smartcarpipeline.sim.fault;

import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Draws the fault of each request from the current {@link FaultRules} with a seeded {@link Random},
 * so a run with the same seed and the same request order gets the same faults. The rules can be
 * swapped at runtime ({@code POST /_sim/faults}); thread-safe.
 *
 * <p>Rule: every request draws exactly two numbers (fault, latency), and the fault is picked by
 * cumulative shares in a fixed order: 429, 500, 502, 504, drop, long-running, none.
 */
public final class FaultInjector {

  private final Random random;
  private final AtomicReference<FaultRules> rules;

  public FaultInjector(FaultRules rules, long seed) {
    this.rules = new AtomicReference<>(Objects.requireNonNull(rules, "rules"));
    this.random = new Random(seed);
  }

  public FaultRules rules() {
    return rules.get();
  }

  public void setRules(FaultRules newRules) {
    rules.set(Objects.requireNonNull(newRules, "rules"));
  }

  /** The fault for one request on {@code vehicleId} for {@code command}. */
  public FaultDecision decide(String vehicleId, String command) {
    FaultProfile p = rules.get().profileFor(vehicleId, command);
    double u;
    double latencyDraw;
    synchronized (random) {
      u = random.nextDouble();
      latencyDraw = random.nextDouble();
    }
    long latency =
        p.minLatencyMs() + (long) Math.floor(latencyDraw * (p.maxLatencyMs() - p.minLatencyMs()));
    return new FaultDecision(
        pick(p, u), latency, p.retryAfterSeconds(), Math.max(0, p.longRunningMs()));
  }

  private static FaultDecision.Kind pick(FaultProfile p, double u) {
    double edge = p.rateLimitShare();
    if (u < edge) {
      return FaultDecision.Kind.RATE_LIMIT;
    }
    edge += p.serverErrorShare();
    if (u < edge) {
      return FaultDecision.Kind.SERVER_ERROR;
    }
    edge += p.upstreamShare();
    if (u < edge) {
      return FaultDecision.Kind.UPSTREAM;
    }
    edge += p.gatewayTimeoutShare();
    if (u < edge) {
      return FaultDecision.Kind.GATEWAY_TIMEOUT;
    }
    edge += p.dropShare();
    if (u < edge) {
      return FaultDecision.Kind.DROP;
    }
    edge += p.longRunningShare();
    if (u < edge) {
      return FaultDecision.Kind.LONG_RUNNING;
    }
    return FaultDecision.Kind.NONE;
  }
}
