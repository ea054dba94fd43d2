package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.fault.FaultInjector;
import io.smartcarpipeline.sim.fault.TokenBucket;
import io.smartcarpipeline.sim.vehicle.SimFleetState;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared, thread-safe parts of one running stand-in, handed to every HTTP handler: vehicles,
 * tokens, the app-wide bucket (replaceable at runtime), fault injection, the request log and the
 * clock.
 */
public record SimServices(
    SimFleetState fleet,
    TokenStore tokens,
    AtomicReference<TokenBucket> bucket,
    FaultInjector faults,
    RequestLog log,
    Clock clock) {}
