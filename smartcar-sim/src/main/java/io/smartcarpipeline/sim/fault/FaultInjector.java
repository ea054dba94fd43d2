package io.smartcarpipeline.sim.fault;

import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Draws the fault of each request from the current {@link FaultRules} with a seeded {@link Random},
 * so a run with the same seed and the same request order gets the same faults. The rules can be
 * swapped at runtime ({@code POST /_sim/faults}); thread-safe.
 *
 * <p>Rule: every request draws exactly two numbers (fault, latency), and the fault is picked by
 * cumulative shares in the fixed order of {@link FaultShare} (429, 500, 502, 504, drop,
 * long-running, 504-before, PENDING, 502 UPSTREAM:RATE_LIMIT), then none.
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
        pick(p, u), latency, p.retryAfterSeconds(), Math.max(0, p.longRunningMs()), null);
  }

  /**
   * Like {@link #decide(String, String)}, and from when the car reports a change the request makes
   * ({@code null}: at once; {@link Instant#MAX}: never), counted from {@code now}.
   */
  public FaultDecision decide(String vehicleId, String command, Instant now) {
    FaultDecision d = decide(vehicleId, command);
    FaultProfile p = rules.get().profileFor(vehicleId, command);
    if (!p.reportsLate()) {
      return d;
    }
    Instant from = p.neverReports() ? Instant.MAX : now.plusMillis(p.reportDelayMs());
    return new FaultDecision(
        d.kind(), d.latencyMs(), d.retryAfterSeconds(), d.longRunningMs(), from);
  }

  private static FaultDecision.Kind pick(FaultProfile p, double u) {
    double edge = 0;
    for (FaultShare share : FaultShare.values()) {
      edge += share.of(p);
      if (u < edge) {
        return share.kind();
      }
    }
    return FaultDecision.Kind.NONE;
  }
}
