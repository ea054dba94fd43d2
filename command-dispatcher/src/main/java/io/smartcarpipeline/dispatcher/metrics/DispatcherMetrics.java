package io.smartcarpipeline.dispatcher.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.smartcar.budget.CircuitBreaker;
import io.smartcarpipeline.smartcar.errors.Verdict;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The dispatcher's meters: commands by type and final status, attempts by type and verdict, the
 * Smartcar API latency histogram, the breaker state (0 closed, 1 half-open, 2 open), token
 * refreshes by outcome, commands in flight, and how long commands spend in each phase ({@code
 * dispatcher_command_phase_seconds{phase=...}}, see {@link CommandPhase}).
 */
public final class DispatcherMetrics {

  private final MeterRegistry registry;
  private final Timer apiLatency;
  private final AtomicInteger breakerState = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<CommandPhase, Timer> phases = new EnumMap<>(CommandPhase.class);

  public DispatcherMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.apiLatency =
        Timer.builder("dispatcher_api_latency")
            .description("Duration of calls to the Smartcar commands API")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofSeconds(320))
            .register(registry);
    Gauge.builder("dispatcher_breaker_state", breakerState, AtomicInteger::get)
        .description("Circuit breaker: 0 closed, 1 half-open, 2 open")
        .register(registry);
    Gauge.builder("dispatcher_commands_in_flight", inFlight, AtomicInteger::get)
        .description("Commands consumed whose result is not written yet")
        .register(registry);
    for (CommandPhase phase : CommandPhase.values()) {
      phases.put(
          phase,
          Timer.builder("dispatcher_command_phase")
              .description("Time commands spend in each phase of the dispatcher")
              .tag("phase", phase.tag())
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofNanos(100_000))
              .maximumExpectedValue(Duration.ofSeconds(60))
              .register(registry));
    }
  }

  /** One command spent {@code nanos} in {@code phase} (see {@link CommandTimeline}). */
  public void phase(CommandPhase phase, long nanos) {
    phases.get(phase).record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }

  /** A command ended with a final result. */
  public void commandCompleted(CommandType type, CommandStatus status) {
    Counter.builder("dispatcher_commands_total")
        .tag("type", type.name())
        .tag("status", status.name())
        .register(registry)
        .increment();
  }

  /** One call to Smartcar ended, classified as {@code verdict}. */
  public void attempt(CommandType type, Verdict verdict, Duration latency) {
    Counter.builder("dispatcher_attempts_total")
        .tag("type", type.name())
        .tag("verdict", verdict.name())
        .register(registry)
        .increment();
    apiLatency.record(latency);
  }

  public void tokenRefreshed(boolean succeeded) {
    Counter.builder("dispatcher_token_refreshes_total")
        .tag("outcome", succeeded ? "success" : "failure")
        .register(registry)
        .increment();
  }

  public void breakerState(CircuitBreaker.State state) {
    breakerState.set(state.gauge());
  }

  /** Vehicle and command pairs known unsupported from the connections topic. */
  public void knownUnsupported(IntSupplier pairs) {
    Gauge.builder("dispatcher_known_unsupported_commands", pairs, IntSupplier::getAsInt)
        .description("Vehicle and command pairs the Compatibility API said unsupported")
        .strongReference(true) // the supplier is a lambda nobody else holds
        .register(registry);
  }

  public AtomicInteger inFlight() {
    return inFlight;
  }
}
