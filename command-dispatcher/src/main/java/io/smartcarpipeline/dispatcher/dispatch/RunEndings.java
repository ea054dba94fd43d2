package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * How a command's run ends: its one final result, stamped now, or EXPIRED saying whether anything
 * was sent. Every step of the executor that finishes a command finishes it here.
 */
final class RunEndings {

  private final Clock clock;

  RunEndings(Clock clock) {
    this.clock = clock;
  }

  /** The final result, from the run's history and this status and message. */
  Future<CommandResult> done(
      CommandRun run, CommandStatus status, boolean already, boolean unknown, String message) {
    CommandResult result =
        ResultFactory.finished(run, status, already, unknown, message, clock.instant());
    return Future.succeededFuture(result);
  }

  /** EXPIRED: not sent at all, or not retried, because the deadline came first. */
  Future<CommandResult> expired(CommandRun run) {
    String message =
        run.attempts == 0
            ? "not sent: the command expired at " + run.deadline
            : "expired at " + run.deadline + " before it could be retried";
    return done(run, CommandStatus.EXPIRED, false, false, message);
  }
}
