package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.dispatcher.compatibility.CommandSupport;
import io.smartcarpipeline.dispatcher.errors.CommandSafety;
import io.smartcarpipeline.dispatcher.idempotency.Fingerprint;
import io.smartcarpipeline.dispatcher.idempotency.IdempotencyLedger;
import io.smartcarpipeline.dispatcher.idempotency.LedgerEntry;
import io.smartcarpipeline.dispatcher.metrics.CommandTimeline;
import io.smartcarpipeline.dispatcher.metrics.DispatcherMetrics;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes consumed commands and turns each into exactly one {@link DispatchOutcome}. A vehicle's
 * commands go through its serial queue in topic order; at the head of the queue the idempotency
 * ledger decides: a finished commandId already has its one result on the topic, so a copy writes
 * nothing and makes no call; a reused commandId with other parameters goes to the dead-letter topic
 * ({@code DUPLICATE_COMMAND_ID}) and is never executed, a command a previous run may have sent is
 * not blindly re-sent when it is not safe to repeat, and anything else runs. Call {@link #dispatch}
 * on the dispatcher's event loop.
 */
public final class Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final IdempotencyLedger ledger;
  private final CommandExecutor executor;
  private final VehicleQueues queues = new VehicleQueues();
  private final Clock clock;
  private final Duration defaultMaxAge;
  private final DispatcherMetrics metrics;
  private final CommandSupport support;

  public Dispatcher(
      IdempotencyLedger ledger,
      CommandExecutor executor,
      Clock clock,
      Duration defaultMaxAge,
      DispatcherMetrics metrics) {
    this(ledger, executor, clock, defaultMaxAge, metrics, CommandSupport.unknown());
  }

  /** As above; a new command {@code support} refuses is REJECTED before any call. */
  public Dispatcher(
      IdempotencyLedger ledger,
      CommandExecutor executor,
      Clock clock,
      Duration defaultMaxAge,
      DispatcherMetrics metrics,
      CommandSupport support) {
    this.support = support;
    this.ledger = ledger;
    this.executor = executor;
    this.clock = clock;
    this.defaultMaxAge = defaultMaxAge;
    this.metrics = metrics;
  }

  /** The outcome of one consumed command; fails only when abandoned at shutdown. */
  public Future<DispatchOutcome> dispatch(CommandRequest request) {
    return dispatch(request, -1, CommandTimeline.untimed());
  }

  /**
   * {@link #dispatch(CommandRequest)} for a command read from {@code partition} of the commands
   * topic (its ledger entries go to the matching ledger partition; -1: unknown), timing its phases
   * on {@code timeline}.
   */
  public Future<DispatchOutcome> dispatch(
      CommandRequest request, int partition, CommandTimeline timeline) {
    if (blank(request.getCommandId()) || blank(request.getVehicleId())) {
      timeline.dispatched();
      return Future.succeededFuture(
          DispatchOutcome.deadLetter("INVALID_COMMAND", "a command needs commandId and vehicleId"));
    }
    return queues.submit(
        request.getVehicleId(),
        () -> {
          timeline.dispatched();
          return atHead(request, partition, timeline);
        });
  }

  /** Vehicles with commands queued or running. */
  public int activeVehicles() {
    return queues.activeVehicles();
  }

  private Future<DispatchOutcome> atHead(
      CommandRequest request, int partition, CommandTimeline timeline) {
    String fingerprint = Fingerprint.of(request);
    IdempotencyLedger.Lookup lookup = ledger.lookup(request, fingerprint);
    Instant now = clock.instant();
    switch (lookup.kind()) {
      case REPEAT:
        // its result was published with its FINAL ledger entry, in one transaction
        LOG.info("command_repeated command_id={} result=already_published", request.getCommandId());
        return Future.succeededFuture(DispatchOutcome.alreadyAnswered());
      case CONFLICT:
        LOG.warn("command_id_reused command_id={}", request.getCommandId());
        return Future.succeededFuture(
            DispatchOutcome.deadLetter(
                ResultFactory.DUPLICATE_COMMAND_ID,
                "commandId "
                    + request.getCommandId()
                    + " was already used for a different command; this one is not executed and the"
                    + " first command's result stays the only one"));
      default:
        break;
    }
    String problem = CommandValidator.problem(request);
    if (problem != null) {
      return finish(
          fingerprint,
          ResultFactory.rejected(request, ResultFactory.INVALID_COMMAND, problem, now));
    }
    // known unsupported: never sent (an interrupted command keeps its history and runs on)
    String refusal = lookup.kind() == IdempotencyLedger.Kind.NEW ? support.refusal(request) : null;
    if (refusal != null) {
      return finish(
          fingerprint,
          ResultFactory.rejected(request, CommandSupport.COMMAND_NOT_SUPPORTED, refusal, now));
    }
    LedgerEntry previous = lookup.entry();
    CommandRun run =
        new CommandRun(
            request,
            fingerprint,
            deadline(request),
            previous == null ? 0 : previous.attempts(),
            previous == null ? null : previous.firstAttemptAt(),
            timeline,
            partition);
    Future<CommandResult> running;
    if (lookup.kind() == IdempotencyLedger.Kind.INTERRUPTED
        && !CommandSafety.safeToRepeat(request.getType())) {
      return finish(fingerprint, interrupted(run, now));
    } else if (lookup.kind() == IdempotencyLedger.Kind.INTERRUPTED
        && !CommandSafety.repeatWithoutReading(request.getType())) {
      // LOCK, STOP_CHARGING, SET_CHARGE_LIMIT: the car's signals decide, as after a 504 (§9.4)
      running = executor.resumeInterrupted(run, previous.lastCallNotBefore(now));
    } else {
      running = executor.run(run);
    }
    return running
        .compose(result -> finish(fingerprint, result))
        .onFailure(e -> ledger.release(request.getCommandId()));
  }

  private Future<DispatchOutcome> finish(String fingerprint, CommandResult result) {
    LedgerEntry entry = ledger.finish(fingerprint, result);
    metrics.commandCompleted(result.getType(), result.getStatus());
    LOG.info(
        "command_completed command_id={} vehicle_id={} type={} status={} attempts={}{}",
        result.getCommandId(),
        result.getVehicleId(),
        result.getType(),
        result.getStatus(),
        result.getAttempts(),
        result.getErrorCode() == null ? "" : " error_code=" + result.getErrorCode());
    return Future.succeededFuture(DispatchOutcome.written(result, entry));
  }

  private CommandResult interrupted(CommandRun run, Instant now) {
    return ResultFactory.finished(
        run,
        CommandStatus.FAILED,
        false,
        true,
        "a previous dispatcher run may already have sent this command before it stopped; "
            + run.request.getType()
            + " is not safe to send again, so the outcome is unknown: check the vehicle state",
        now);
  }

  /** The earlier of expiresAt and requestedAt + the default maximum age. */
  Instant deadline(CommandRequest r) {
    Instant byAge = r.getRequestedAt().plus(defaultMaxAge);
    Instant expiresAt = r.getExpiresAt();
    return expiresAt != null && expiresAt.isBefore(byAge) ? expiresAt : byAge;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
