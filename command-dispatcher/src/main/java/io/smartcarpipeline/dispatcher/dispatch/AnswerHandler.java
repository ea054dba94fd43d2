package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.dispatcher.errors.CommandSafety;
import io.smartcarpipeline.dispatcher.metrics.DispatcherMetrics;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.smartcar.auth.AccessToken;
import io.smartcarpipeline.smartcar.auth.TokenProvider;
import io.smartcarpipeline.smartcar.budget.Budgets;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.errors.SmartcarErrorClassifier;
import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * What Smartcar's answer to a command call means for the command: classifies it (the one
 * classifier, with the command's {@link CommandSafety#callKind}), records it on the run, the
 * metrics and the budgets, then finishes the run, reads the car first (an ambiguous answer), gets a
 * new token once (a 401), or hands it to the {@link RetryScheduler}.
 */
final class AnswerHandler {

  private final SmartcarErrorClassifier classifier;
  private final Budgets budgets;
  private final DispatcherMetrics metrics;
  private final TokenProvider tokens;
  private final Clock clock;
  private final OemRateLimitHold oemHold;
  private final RunEndings endings;
  private final RetryScheduler retries;
  private final AmbiguousOutcomes ambiguous;
  private final Function<CommandRun, Future<CommandResult>> again;

  /**
   * @param again runs the command again from the start (after a token refresh)
   */
  AnswerHandler(
      SmartcarErrorClassifier classifier,
      Budgets budgets,
      DispatcherMetrics metrics,
      TokenProvider tokens,
      Clock clock,
      OemRateLimitHold oemHold,
      RunEndings endings,
      RetryScheduler retries,
      AmbiguousOutcomes ambiguous,
      Function<CommandRun, Future<CommandResult>> again) {
    this.classifier = classifier;
    this.budgets = budgets;
    this.metrics = metrics;
    this.tokens = tokens;
    this.clock = clock;
    this.oemHold = oemHold;
    this.endings = endings;
    this.retries = retries;
    this.ambiguous = ambiguous;
    this.again = again;
  }

  /** Handles the answer to the call sent at {@code sentAt} with {@code token}. */
  Future<CommandResult> handle(
      CommandRun run, AccessToken token, ApiOutcome outcome, Instant sentAt) {
    Duration latency = Duration.between(sentAt, clock.instant());
    Classification c = classifier.classify(outcome, CommandSafety.callKind(run.request.getType()));
    run.answered(outcome, c, latency.toMillis());
    metrics.attempt(run.request.getType(), c.verdict(), latency);
    budgets.after(run.request.getVehicleId(), c);
    if (OemRateLimitHold.applies(outcome)) {
      budgets.holdVehicle(run.request.getVehicleId(), oemHold.hold());
      return endings.done(
          run,
          CommandStatus.FAILED,
          false,
          false,
          ResultFactory.failure(run, c, oemHold.message()));
    }
    return switch (c.verdict()) {
      case SUCCESS -> endings.done(run, CommandStatus.SUCCEEDED, false, false, c.reason());
      case ALREADY_DONE ->
          endings.done(
              run, CommandStatus.SUCCEEDED, true, false, ResultFactory.alreadyMessage(run, c));
      case PERMANENT ->
          c.outcomeUnknown()
              ? ambiguous.readBeforeDeciding(run, token, c, sentAt)
              : endings.done(
                  run, CommandStatus.FAILED, false, false, ResultFactory.failure(run, c, null));
      case REAUTHENTICATE -> reauthenticate(run, token, c);
      case RETRYABLE -> retries.retryOrFail(run, c);
    };
  }

  /** One new token and one more run per command; a second refusal is final. */
  private Future<CommandResult> reauthenticate(
      CommandRun run, AccessToken token, Classification c) {
    if (run.reauthenticated) {
      return endings.done(
          run,
          CommandStatus.FAILED,
          false,
          false,
          ResultFactory.failure(run, c, "refused again after a refresh"));
    }
    run.reauthenticated = true;
    tokens.invalidate(token);
    return again.apply(run);
  }
}
