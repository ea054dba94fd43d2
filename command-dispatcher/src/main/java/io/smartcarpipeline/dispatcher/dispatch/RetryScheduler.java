package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.dispatcher.retry.RetryDecision;
import io.smartcarpipeline.dispatcher.retry.RetryPolicy;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a retryable answer (or a failure before the call): asks the {@link RetryPolicy} whether and
 * when to try again. Out of attempts or time → FAILED with why; a retry that would start at or
 * after the command's deadline → EXPIRED (a command is never sent late); otherwise the run starts
 * again from the budget gates once the timer fires.
 */
final class RetryScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(RetryScheduler.class);

  private final RetryPolicy policy;
  private final Clock clock;
  private final Timers timers;
  private final RunEndings endings;
  private final Function<CommandRun, Future<CommandResult>> again;

  /**
   * @param again runs the command again from the start (budgets, token, marker, call)
   */
  RetryScheduler(
      RetryPolicy policy,
      Timers timers,
      RunEndings endings,
      Function<CommandRun, Future<CommandResult>> again) {
    this.policy = policy;
    this.clock = policy.clock();
    this.timers = timers;
    this.endings = endings;
    this.again = again;
  }

  /** Schedules the next attempt for {@code c}, or ends the run. */
  Future<CommandResult> retryOrFail(CommandRun run, Classification c) {
    Instant first = run.firstAttemptAt != null ? run.firstAttemptAt : clock.instant();
    RetryDecision d = policy.next(c, Math.max(run.attempts, 1), first);
    if (!d.retry()) {
      return endings.done(
          run, CommandStatus.FAILED, false, false, ResultFactory.failure(run, c, d.giveUpReason()));
    }
    if (!clock.instant().plus(d.delay()).isBefore(run.deadline)) {
      return endings.expired(run);
    }
    LOG.info(
        "command_retry_scheduled command_id={} vehicle_id={} attempt={} delay_ms={} reason={}",
        run.request.getCommandId(),
        run.request.getVehicleId(),
        run.attempts,
        d.delay().toMillis(),
        c.reason());
    return timers.after(d.delay()).compose(v -> again.apply(run));
  }
}
