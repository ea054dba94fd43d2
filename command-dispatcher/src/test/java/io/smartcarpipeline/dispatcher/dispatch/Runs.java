package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.dispatcher.metrics.CommandTimeline;
import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.smartcar.budget.Budgets;
import io.smartcarpipeline.smartcar.budget.CircuitBreaker;
import io.smartcarpipeline.smartcar.budget.TokenBucket;
import io.smartcarpipeline.smartcar.budget.VehicleSpacing;
import io.smartcarpipeline.support.testing.MutableClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Commands, runs, budgets and timers for the executor parts' unit tests. */
final class Runs {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String VEHICLE = "veh-1";

  private Runs() {}

  static CommandRequest command(String id, CommandType type) {
    return CommandRequest.newBuilder()
        .setCommandId(id)
        .setVehicleId(VEHICLE)
        .setUserId("user-1")
        .setType(type)
        .setParameters(new CommandParameters(null, null, null))
        .setRequestedAt(T0)
        .setExpiresAt(null)
        .build();
  }

  /** A run of {@code type} with {@code attempts} calls made, due at {@code deadline}. */
  static CommandRun run(CommandType type, int attempts, Instant deadline) {
    return new CommandRun(
        command("c1", type),
        "fingerprint",
        deadline,
        attempts,
        attempts == 0 ? null : T0,
        CommandTimeline.untimed(),
        0);
  }

  /** A stand-in result whose identity a test can check. */
  static CommandResult resultOf(String message) {
    return ResultFactory.rejected(command("other", CommandType.LOCK), "TEST", message, T0);
  }

  /** Wide-open budgets: only what a test does to them holds a call back. */
  static Budgets budgets(MutableClock clock) {
    return new Budgets(
        clock,
        new TokenBucket(clock, 1000, 1000),
        new VehicleSpacing(clock, Duration.ZERO),
        new CircuitBreaker(clock, 100, 100, 1.0, Duration.ofSeconds(1), s -> {}),
        Duration.ofMinutes(1));
  }

  /** Timers that fire at once, moving the clock and noting each wait. */
  static Timers instantTimers(MutableClock clock, List<Duration> waits) {
    return delay -> {
      waits.add(delay);
      clock.advance(delay);
      return Future.succeededFuture();
    };
  }
}
