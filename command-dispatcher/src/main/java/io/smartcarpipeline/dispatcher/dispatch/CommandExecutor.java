package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.dispatcher.api.CommandSender;
import io.smartcarpipeline.dispatcher.idempotency.IdempotencyLedger;
import io.smartcarpipeline.dispatcher.metrics.DispatcherMetrics;
import io.smartcarpipeline.dispatcher.retry.RetryPolicy;
import io.smartcarpipeline.dispatcher.verify.VehicleStateReader;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.smartcar.auth.TokenProvider;
import io.smartcarpipeline.smartcar.budget.Budgets;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.errors.SmartcarErrorClassifier;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Runs one claimed command to its final result: wait for the budgets, get the token, then one
 * {@link CommandAttempt} (attempt marker, expiry check <em>right before</em> the call, call), whose
 * answer the {@link AnswerHandler} turns into a result, a state read ({@link AmbiguousOutcomes}) or
 * the next attempt ({@link RetryScheduler}), which starts here again. Everything is a future chain
 * on the event loop; no thread waits. This class holds the gates and wires the steps.
 */
public final class CommandExecutor {

  /** The dispatcher is closing: the command was left for the next run, no result written. */
  public static final class AbandonedException extends RuntimeException {
    AbandonedException(String commandId) {
      super("command " + commandId + " abandoned at shutdown", null, false, false);
    }
  }

  private final TokenProvider tokens;
  private final SmartcarErrorClassifier classifier;
  private final Budgets budgets;
  private final Timers timers;
  private final Clock clock;
  private final BooleanSupplier running;
  private final RunEndings endings;
  private final RetryScheduler retries;
  private final AmbiguousOutcomes ambiguous;
  private final CommandAttempt attempt;

  /**
   * @param stateReader reads the car's signals after an ambiguous answer
   * @param settle wait before that read, so the car can report
   * @param oemRateLimitHold how long a vehicle is not called after {@code UPSTREAM:RATE_LIMIT}
   */
  public CommandExecutor(
      TokenProvider tokens,
      CommandSender sender,
      SmartcarErrorClassifier classifier,
      RetryPolicy policy,
      Budgets budgets,
      IdempotencyLedger ledger,
      Timers timers,
      DispatcherMetrics metrics,
      BooleanSupplier running,
      VehicleStateReader stateReader,
      Duration settle,
      Duration oemRateLimitHold) {
    this.tokens = tokens;
    this.classifier = classifier;
    this.budgets = budgets;
    this.timers = timers;
    this.clock = policy.clock();
    this.running = running;
    this.endings = new RunEndings(clock);
    this.retries = new RetryScheduler(policy, timers, endings, this::run);
    this.ambiguous =
        new AmbiguousOutcomes(
            tokens, new StateCheck(stateReader, budgets, timers, clock, settle), endings, retries);
    AnswerHandler answers =
        new AnswerHandler(
            classifier,
            budgets,
            metrics,
            tokens,
            clock,
            new OemRateLimitHold(oemRateLimitHold),
            endings,
            retries,
            ambiguous,
            this::run);
    this.attempt = new CommandAttempt(ledger, sender, budgets, clock, endings, retries, answers);
  }

  /** Runs until a final result (or abandonment at shutdown). */
  Future<CommandResult> run(CommandRun run) {
    if (!running.getAsBoolean()) {
      return Future.failedFuture(new AbandonedException(run.request.getCommandId()));
    }
    Instant now = clock.instant();
    if (!now.isBefore(run.deadline)) {
      return endings.expired(run);
    }
    Duration wait = budgets.waitBeforeCall(run.request.getVehicleId());
    if (!wait.isZero()) {
      Duration untilDeadline = Duration.between(now, run.deadline);
      return timers
          .after(wait.compareTo(untilDeadline) < 0 ? wait : untilDeadline)
          .compose(v -> run(run));
    }
    return tokens
        .token()
        .transform(
            ar ->
                ar.succeeded()
                    ? attempt.call(run, ar.result())
                    : tokenFailed(run, classifier.classifyTokenFailure(ar.cause())));
  }

  /**
   * A command a previous run wrote an attempt marker for and never finished: the car's signals
   * decide before anything is sent again ({@link AmbiguousOutcomes#resumeInterrupted}).
   */
  Future<CommandResult> resumeInterrupted(CommandRun run, Instant since) {
    return ambiguous.resumeInterrupted(run, since);
  }

  private Future<CommandResult> tokenFailed(CommandRun run, Classification c) {
    budgets.after(run.request.getVehicleId(), c); // the breaker counts an unreachable IAM
    return retries.retryOrFail(run, c);
  }
}
