package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.dispatcher.verify.CommandGoal;
import io.smartcarpipeline.dispatcher.verify.StateReading;
import io.smartcarpipeline.dispatcher.verify.VehicleStateReader;
import io.smartcarpipeline.smartcar.auth.AccessToken;
import io.smartcarpipeline.smartcar.budget.Budgets;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.errors.Schedule;
import io.smartcarpipeline.smartcar.errors.Verdict;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After an ambiguous answer (504, timeout, PENDING): waits {@code settle} so the car can report,
 * passes the same budgets as a command call (a signals read counts against Smartcar's limits),
 * reads the car's signals and judges them with {@link CommandGoal}. Never waits past the command's
 * deadline: without time left the answer is UNKNOWN. A failed read is tried again (up to {@link
 * #READS_PER_ANSWER}). After a PENDING answer, "not reached" counts as UNKNOWN. {@link #decide}
 * turns the judgement into what the executor does next; the same check serves a live ambiguous
 * answer and a command a previous run may have sent before it stopped (docs/smartcar-v3.md §9.4).
 * Runs on the dispatcher's event loop.
 */
final class StateCheck {

  private static final Logger LOG = LoggerFactory.getLogger(StateCheck.class);

  /** Why the outcome of a command interrupted by a restart is unknown. */
  static final String INTERRUPTED_REASON =
      "a previous dispatcher run may already have sent this command before it stopped";

  /** What to do after the read. */
  enum Next {
    /** The car is in the wanted state: SUCCEEDED with alreadyInState. */
    SUCCEED,
    /** The car reported after the call and is not in it: send again (policy permitting). */
    SEND_AGAIN,
    /** Cannot tell: FAILED with outcomeUnknown. */
    OUTCOME_UNKNOWN
  }

  /**
   * The decision.
   *
   * @param next what to do
   * @param message the result's message (SUCCEED, OUTCOME_UNKNOWN)
   * @param retry the classification to retry with (SEND_AGAIN)
   */
  record Decision(Next next, String message, Classification retry) {}

  /** Reads per ambiguous answer at most, when the read itself fails. */
  static final int READS_PER_ANSWER = 3;

  private final VehicleStateReader reader;
  private final Budgets budgets;
  private final Timers timers;
  private final Clock clock;
  private final Duration settle;

  StateCheck(
      VehicleStateReader reader, Budgets budgets, Timers timers, Clock clock, Duration settle) {
    this.reader = reader;
    this.budgets = budgets;
    this.timers = timers;
    this.clock = clock;
    this.settle = settle;
  }

  /**
   * Reads the car and decides. Records the evidence on {@code run}.
   *
   * @param since when the call whose outcome is unknown was sent: only later reports count
   * @param reason why the outcome is unknown (the ambiguous answer, or a restart)
   * @param brokenService whether that answer counts against Smartcar for the breaker
   */
  Future<Decision> decide(
      CommandRun run, AccessToken token, Instant since, String reason, boolean brokenService) {
    return check(run, token, since)
        .map(
            j -> {
              run.stateEvidence = j.evidence();
              LOG.info(
                  "command_state_read command_id={} vehicle_id={} judgement={} evidence={}",
                  run.request.getCommandId(),
                  run.request.getVehicleId(),
                  j.kind(),
                  j.evidence());
              return decision(j, reason, brokenService);
            });
  }

  /** The judgement of a read as the next step. Plain logic. */
  static Decision decision(CommandGoal.Judgement j, String reason, boolean brokenService) {
    return switch (j.kind()) {
      case REACHED ->
          new Decision(
              Next.SUCCEED,
              reason + "; the car's signals show the goal reached: " + j.evidence(),
              null);
      case NOT_REACHED ->
          new Decision(
              Next.SEND_AGAIN,
              null,
              retryable(
                  "no final answer ("
                      + reason
                      + ") and the car's signals show it did not take effect: "
                      + j.evidence(),
                  brokenService));
      case UNKNOWN ->
          new Decision(
              Next.OUTCOME_UNKNOWN,
              reason
                  + "; the car's state cannot tell whether it took effect ("
                  + j.evidence()
                  + "). Check "
                  + (j.signal() == null ? "the vehicle" : j.signal())
                  + " on the car or in the owner's app before sending a new command",
              null);
    };
  }

  static Classification retryable(String reason, boolean brokenService) {
    return new Classification(
        Verdict.RETRYABLE, reason, Schedule.TRANSIENT, null, 0, false, false, brokenService);
  }

  /** Reads the car and judges whether the command of {@code run}, sent at {@code since}, took. */
  Future<CommandGoal.Judgement> check(CommandRun run, AccessToken token, Instant since) {
    if (CommandGoal.signalOf(run.request) == null) {
      return Future.succeededFuture(
          CommandGoal.judge(run.request, StateReading.unavailable("no signal"), since));
    }
    return read(run, token, since, 1).map(j -> stillPending(run, j));
  }

  /** One read after the settle delay; a failed read (it is a GET: safe) is tried again. */
  private Future<CommandGoal.Judgement> read(
      CommandRun run, AccessToken token, Instant since, int readNumber) {
    return timers
        .after(settle)
        .compose(v -> admitted(run))
        .compose(
            admitted -> {
              if (!admitted) {
                return Future.succeededFuture(
                    new CommandGoal.Judgement(
                        CommandGoal.Kind.UNKNOWN,
                        CommandGoal.signalOf(run.request),
                        "no time was left to read the car's state before the command expired"));
              }
              run.stateReads++;
              return reader
                  .read(run.request, token.value())
                  .compose(
                      reading -> {
                        budgets.notCalled(); // a read does not count for the breaker
                        if (reading.unavailable() != null && readNumber < READS_PER_ANSWER) {
                          return read(run, token, since, readNumber + 1);
                        }
                        return Future.succeededFuture(
                            CommandGoal.judge(run.request, reading, since));
                      });
            });
  }

  /**
   * After a PENDING answer the command is accepted and may still run: a car not (yet) in the wanted
   * state is no reason to send it again, so that counts as "cannot tell".
   */
  private static CommandGoal.Judgement stillPending(CommandRun run, CommandGoal.Judgement j) {
    boolean pending =
        run.lastResponse != null && "PENDING".equalsIgnoreCase(run.lastResponse.statusValue());
    if (!pending || j.kind() != CommandGoal.Kind.NOT_REACHED) {
      return j;
    }
    return new CommandGoal.Judgement(
        CommandGoal.Kind.UNKNOWN,
        j.signal(),
        j.evidence()
            + "; Smartcar still reports the command PENDING, so the car may carry it out later");
  }

  private Future<Boolean> admitted(CommandRun run) {
    Duration wait = budgets.waitBeforeCall(run.request.getVehicleId());
    if (wait.isZero()) {
      return Future.succeededFuture(true);
    }
    if (!clock.instant().plus(wait).isBefore(run.deadline)) {
      return Future.succeededFuture(false);
    }
    return timers.after(wait).compose(v -> admitted(run));
  }
}
