package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.dispatcher.api.CommandSender;
import io.smartcarpipeline.dispatcher.errors.CommandSafety;
import io.smartcarpipeline.dispatcher.idempotency.IdempotencyLedger;
import io.smartcarpipeline.dispatcher.metrics.DispatcherMetrics;
import io.smartcarpipeline.dispatcher.retry.RetryDecision;
import io.smartcarpipeline.dispatcher.retry.RetryPolicy;
import io.smartcarpipeline.dispatcher.verify.VehicleStateReader;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.smartcar.auth.AccessToken;
import io.smartcarpipeline.smartcar.auth.TokenProvider;
import io.smartcarpipeline.smartcar.budget.Budgets;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.errors.SmartcarErrorClassifier;
import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed command to its final result: wait for the budgets, get the token, write the
 * "attempt started" marker, check expiry <em>right before</em> the call (a command is never sent
 * after its deadline: no late unlock), call, classify, and either finish or schedule the next
 * attempt on a timer. Everything is a future chain on the event loop; no thread waits.
 */
public final class CommandExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);

  /** The dispatcher is closing: the command was left for the next run, no result written. */
  public static final class AbandonedException extends RuntimeException {
    AbandonedException(String commandId) {
      super("command " + commandId + " abandoned at shutdown", null, false, false);
    }
  }

  private final TokenProvider tokens;
  private final CommandSender sender;
  private final SmartcarErrorClassifier classifier;
  private final RetryPolicy policy;
  private final Budgets budgets;
  private final IdempotencyLedger ledger;
  private final Timers timers;
  private final Clock clock;
  private final DispatcherMetrics metrics;
  private final BooleanSupplier running;
  private final StateCheck stateCheck;
  private final Duration oemRateLimitHold;

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
    this.sender = sender;
    this.classifier = classifier;
    this.policy = policy;
    this.budgets = budgets;
    this.ledger = ledger;
    this.timers = timers;
    this.clock = policy.clock();
    this.metrics = metrics;
    this.running = running;
    this.stateCheck = new StateCheck(stateReader, budgets, timers, clock, settle);
    this.oemRateLimitHold = oemRateLimitHold;
  }

  /** Runs until a final result (or abandonment at shutdown). */
  Future<CommandResult> run(CommandRun run) {
    if (!running.getAsBoolean()) {
      return Future.failedFuture(new AbandonedException(run.request.getCommandId()));
    }
    Instant now = clock.instant();
    if (!now.isBefore(run.deadline)) {
      return expired(run);
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
                    ? call(run, ar.result())
                    : tokenFailed(run, classifier.classifyTokenFailure(ar.cause())));
  }

  private Future<CommandResult> call(CommandRun run, AccessToken token) {
    int attempt = run.attempts + 1;
    Instant first = run.firstAttemptAt != null ? run.firstAttemptAt : clock.instant();
    String id = run.request.getCommandId();
    Instant markAt = clock.instant();
    run.timeline.markerSent();
    return ledger
        .markStarted(id, run.fingerprint, attempt, first, markAt, run.commandPartition)
        .transform(
            marked -> {
              if (marked.failed()) {
                budgets.notCalled();
                return markerFailed(run, marked.cause());
              }
              run.timeline.markerAcked();
              Instant sendAt = clock.instant();
              if (!sendAt.isBefore(run.deadline)) {
                budgets.notCalled();
                return expired(run); // the last check before the wire: never send late
              }
              run.attempts = attempt;
              run.firstAttemptAt = first;
              LOG.debug(
                  "command_attempt command_id={} attempt={} marker_ms={}",
                  id,
                  attempt,
                  Duration.between(markAt, sendAt).toMillis());
              run.timeline.callStarted();
              return sender
                  .send(run.request, token.value())
                  .compose(
                      outcome -> {
                        run.timeline.callEnded();
                        return handle(run, token, outcome, sendAt);
                      });
            });
  }

  private Future<CommandResult> handle(
      CommandRun run, AccessToken token, ApiOutcome outcome, Instant sentAt) {
    Duration latency = Duration.between(sentAt, clock.instant());
    Classification c = classifier.classify(outcome, CommandSafety.callKind(run.request.getType()));
    run.answered(outcome, c, latency.toMillis());
    metrics.attempt(run.request.getType(), c.verdict(), latency);
    budgets.after(run.request.getVehicleId(), c);
    if (isOemRateLimit(outcome)) {
      budgets.holdVehicle(run.request.getVehicleId(), oemRateLimitHold);
      return done(
          run, CommandStatus.FAILED, false, false, ResultFactory.failure(run, c, oemHoldMessage()));
    }
    return switch (c.verdict()) {
      case SUCCESS -> done(run, CommandStatus.SUCCEEDED, false, false, c.reason());
      case ALREADY_DONE ->
          done(run, CommandStatus.SUCCEEDED, true, false, ResultFactory.alreadyMessage(run, c));
      case PERMANENT ->
          c.outcomeUnknown()
              ? readBeforeDeciding(run, token, c, sentAt)
              : done(run, CommandStatus.FAILED, false, false, ResultFactory.failure(run, c, null));
      case REAUTHENTICATE -> reauthenticate(run, token, c);
      case RETRYABLE -> retryOrFail(run, c);
    };
  }

  /**
   * An ambiguous answer: the car's signals decide ({@link StateCheck#decide}). Goal reached →
   * SUCCEEDED with alreadyInState; reported after the call and not reached → sent again (retry
   * policy and deadline permitting); anything else → FAILED with outcomeUnknown and what to check.
   */
  private Future<CommandResult> readBeforeDeciding(
      CommandRun run, AccessToken token, Classification c, Instant sentAt) {
    return stateCheck
        .decide(run, token, sentAt, c.reason(), c.brokenService())
        .compose(d -> follow(run, d));
  }

  /**
   * A command a previous run wrote an attempt marker for and never finished: its call may have
   * reached the car. Like an ambiguous answer, the car's signals decide before anything is sent
   * again (docs/smartcar-v3.md §9.4); {@code since} is when that call can have been sent at the
   * earliest. Only for commands that converge when repeated and whose effect a signal shows.
   */
  Future<CommandResult> resumeInterrupted(CommandRun run, Instant since) {
    return tokens
        .token()
        .transform(
            ar ->
                ar.failed()
                    ? done(
                        run,
                        CommandStatus.FAILED,
                        false,
                        true,
                        StateCheck.INTERRUPTED_REASON
                            + ", and the car's state could not be read (no access token: "
                            + ar.cause().getMessage()
                            + "). Check the vehicle before sending a new command")
                    : stateCheck
                        .decide(run, ar.result(), since, StateCheck.INTERRUPTED_REASON, false)
                        .compose(d -> follow(run, d)));
  }

  private Future<CommandResult> follow(CommandRun run, StateCheck.Decision d) {
    return switch (d.next()) {
      case SUCCEED -> done(run, CommandStatus.SUCCEEDED, true, false, d.message());
      case SEND_AGAIN -> retryOrFail(run, d.retry());
      case OUTCOME_UNKNOWN -> done(run, CommandStatus.FAILED, false, true, d.message());
    };
  }

  private static boolean isOemRateLimit(ApiOutcome outcome) {
    return outcome instanceof ApiResponse r
        && "UPSTREAM".equalsIgnoreCase(r.errorType())
        && "RATE_LIMIT".equalsIgnoreCase(r.errorCode());
  }

  private String oemHoldMessage() {
    return "the dispatcher will not call this vehicle again for "
        + oemRateLimitHold
        + " (DISPATCHER_OEM_RATE_LIMIT_HOLD); send a new command after that";
  }

  /** The marker could not be written (broker unreachable, buffer full): not sent, try later. */
  private Future<CommandResult> markerFailed(CommandRun run, Throwable cause) {
    LOG.warn(
        "command_marker_failed command_id={} error={}",
        run.request.getCommandId(),
        cause.toString());
    return retryOrFail(
        run,
        StateCheck.retryable(
            "not sent: the attempt marker could not be written to the ledger topic ("
                + cause.getClass().getSimpleName()
                + "); check the Kafka brokers",
            false));
  }

  private Future<CommandResult> tokenFailed(CommandRun run, Classification c) {
    budgets.after(run.request.getVehicleId(), c); // the breaker counts an unreachable IAM
    return retryOrFail(run, c);
  }

  private Future<CommandResult> reauthenticate(
      CommandRun run, AccessToken token, Classification c) {
    if (run.reauthenticated) {
      return done(
          run,
          CommandStatus.FAILED,
          false,
          false,
          ResultFactory.failure(run, c, "refused again after a refresh"));
    }
    run.reauthenticated = true;
    tokens.invalidate(token);
    return run(run);
  }

  private Future<CommandResult> retryOrFail(CommandRun run, Classification c) {
    Instant first = run.firstAttemptAt != null ? run.firstAttemptAt : clock.instant();
    RetryDecision d = policy.next(c, Math.max(run.attempts, 1), first);
    if (!d.retry()) {
      return done(
          run, CommandStatus.FAILED, false, false, ResultFactory.failure(run, c, d.giveUpReason()));
    }
    if (!clock.instant().plus(d.delay()).isBefore(run.deadline)) {
      return expired(run);
    }
    LOG.info(
        "command_retry_scheduled command_id={} vehicle_id={} attempt={} delay_ms={} reason={}",
        run.request.getCommandId(),
        run.request.getVehicleId(),
        run.attempts,
        d.delay().toMillis(),
        c.reason());
    return timers.after(d.delay()).compose(v -> run(run));
  }

  private Future<CommandResult> expired(CommandRun run) {
    String message =
        run.attempts == 0
            ? "not sent: the command expired at " + run.deadline
            : "expired at " + run.deadline + " before it could be retried";
    return done(run, CommandStatus.EXPIRED, false, false, message);
  }

  private Future<CommandResult> done(
      CommandRun run, CommandStatus status, boolean already, boolean unknown, String message) {
    CommandResult result =
        ResultFactory.finished(run, status, already, unknown, message, clock.instant());
    return Future.succeededFuture(result);
  }
}
