package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.smartcar.auth.AccessToken;
import io.smartcarpipeline.smartcar.auth.TokenProvider;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * A call whose outcome is unknown is never repeated blind: the car's signals decide ({@link
 * StateCheck#decide}). Goal reached → SUCCEEDED with alreadyInState; reported after the call and
 * not reached → sent again (retry policy and deadline permitting); anything else → FAILED with
 * outcomeUnknown and what to check. Serves a live ambiguous answer (504, timeout, PENDING) and a
 * command a previous run may have sent before it stopped.
 */
final class AmbiguousOutcomes {

  private final TokenProvider tokens;
  private final StateCheck stateCheck;
  private final RunEndings endings;
  private final RetryScheduler retries;

  AmbiguousOutcomes(
      TokenProvider tokens, StateCheck stateCheck, RunEndings endings, RetryScheduler retries) {
    this.tokens = tokens;
    this.stateCheck = stateCheck;
    this.endings = endings;
    this.retries = retries;
  }

  /** An ambiguous answer to the call sent at {@code sentAt}: read the car before deciding. */
  Future<CommandResult> readBeforeDeciding(
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
                    ? endings.done(
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
      case SUCCEED -> endings.done(run, CommandStatus.SUCCEEDED, true, false, d.message());
      case SEND_AGAIN -> retries.retryOrFail(run, d.retry());
      case OUTCOME_UNKNOWN -> endings.done(run, CommandStatus.FAILED, false, true, d.message());
    };
  }
}
