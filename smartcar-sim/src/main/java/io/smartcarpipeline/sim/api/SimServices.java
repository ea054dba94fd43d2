package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.fault.FaultInjector;
import io.smartcarpipeline.sim.fault.TokenBucket;
import io.smartcarpipeline.sim.fleet.RunningFleet;
import io.smartcarpipeline.sim.manage.SubscriptionStore;
import io.smartcarpipeline.sim.manage.TeslaReadRule;
import io.smartcarpipeline.sim.vehicle.SimFleetState;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared, thread-safe parts of one running stand-in, handed to every HTTP handler: vehicles,
 * tokens, the app-wide bucket (replaceable at runtime), fault injection, the request log, the
 * clock, webhook subscriptions, Tesla's read rule and the fleet running on these vehicles (if any).
 */
public record SimServices(
    SimFleetState fleet,
    TokenStore tokens,
    AtomicReference<TokenBucket> bucket,
    FaultInjector faults,
    RequestLog log,
    Clock clock,
    SubscriptionStore subscriptions,
    TeslaReadRule teslaRule,
    AtomicReference<RunningFleet> runningFleet) {

  /**
   * Real seconds a client must wait for {@code simulatedSeconds} to pass: divided by the fleet's
   * time factor while a fleet runs (at least 1).
   */
  public long realSeconds(long simulatedSeconds) {
    RunningFleet running = runningFleet.get();
    double factor = running == null ? 1 : Math.max(1e-9, running.timeFactor());
    return Math.max(1, (long) Math.ceil(simulatedSeconds / factor));
  }

  /** The fleet's simulated now while a fleet runs, else the stand-in's clock. */
  public Instant simulatedNow() {
    RunningFleet running = runningFleet.get();
    return running == null ? clock.instant() : running.simulatedNow();
  }
}
