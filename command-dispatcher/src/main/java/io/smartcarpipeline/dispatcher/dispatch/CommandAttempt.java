package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.dispatcher.api.CommandSender;
import io.smartcarpipeline.dispatcher.idempotency.IdempotencyLedger;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.smartcar.auth.AccessToken;
import io.smartcarpipeline.smartcar.budget.Budgets;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of a command, once the budgets admitted it and a token is at hand: writes the "attempt
 * started" marker and waits for its ack, checks the deadline <em>right before</em> the call (never
 * sent late: no late unlock), sends, and passes the answer to the {@link AnswerHandler}. A marker
 * that cannot be written fails the attempt before the call; it is retried like a transient error.
 * Neither case charges the budgets.
 */
final class CommandAttempt {

  private static final Logger LOG = LoggerFactory.getLogger(CommandAttempt.class);

  private final IdempotencyLedger ledger;
  private final CommandSender sender;
  private final Budgets budgets;
  private final Clock clock;
  private final RunEndings endings;
  private final RetryScheduler retries;
  private final AnswerHandler answers;

  CommandAttempt(
      IdempotencyLedger ledger,
      CommandSender sender,
      Budgets budgets,
      Clock clock,
      RunEndings endings,
      RetryScheduler retries,
      AnswerHandler answers) {
    this.ledger = ledger;
    this.sender = sender;
    this.budgets = budgets;
    this.clock = clock;
    this.endings = endings;
    this.retries = retries;
    this.answers = answers;
  }

  /** Marker, last deadline check, call, answer. */
  Future<CommandResult> call(CommandRun run, AccessToken token) {
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
                return endings.expired(run); // the last check before the wire: never send late
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
                        return answers.handle(run, token, outcome, sendAt);
                      });
            });
  }

  /** The marker could not be written (broker unreachable, buffer full): not sent, try later. */
  private Future<CommandResult> markerFailed(CommandRun run, Throwable cause) {
    LOG.warn(
        "command_marker_failed command_id={} error={}",
        run.request.getCommandId(),
        cause.toString());
    return retries.retryOrFail(
        run,
        StateCheck.retryable(
            "not sent: the attempt marker could not be written to the ledger topic ("
                + cause.getClass().getSimpleName()
                + "); check the Kafka brokers",
            false));
  }
}
