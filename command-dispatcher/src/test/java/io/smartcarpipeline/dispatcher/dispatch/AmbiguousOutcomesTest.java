package io.smartcarpipeline.dispatcher.dispatch;

import static io.smartcarpipeline.dispatcher.dispatch.Runs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.dispatcher.retry.RetryPolicy;
import io.smartcarpipeline.dispatcher.verify.SignalReading;
import io.smartcarpipeline.dispatcher.verify.StateReading;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.smartcar.auth.AccessToken;
import io.smartcarpipeline.smartcar.auth.TokenEndpoint;
import io.smartcarpipeline.smartcar.auth.TokenProvider;
import io.smartcarpipeline.smartcar.auth.TokenRequestException;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.errors.Schedule;
import io.smartcarpipeline.smartcar.errors.Verdict;
import io.smartcarpipeline.support.testing.MutableClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** After an unknown outcome the car's signals decide; a restart is treated the same way. */
class AmbiguousOutcomesTest {

  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final Classification GATEWAY_TIMEOUT =
      new Classification(
          Verdict.PERMANENT, "gateway timeout (504)", Schedule.NONE, null, 0, true, false, true);

  private final MutableClock clock = new MutableClock(T0);
  private final List<Duration> waits = new ArrayList<>();
  private final List<String> readTokens = new ArrayList<>();
  private final Deque<StateReading> readings = new ArrayDeque<>();
  private final List<CommandRun> ranAgain = new ArrayList<>();
  private final CommandResult again = Runs.resultOf("ran again");

  private AmbiguousOutcomes outcomes(TokenEndpoint iam) {
    Timers timers = Runs.instantTimers(clock, waits);
    RunEndings endings = new RunEndings(clock);
    RetryScheduler retries =
        new RetryScheduler(
            RetryPolicy.builder().clock(clock).random(new Random(1)).build(),
            timers,
            endings,
            run -> {
              ranAgain.add(run);
              return Future.succeededFuture(again);
            });
    StateCheck check =
        new StateCheck(
            (request, token) -> {
              readTokens.add(token);
              return Future.succeededFuture(
                  readings.isEmpty() ? StateReading.unavailable("nothing") : readings.poll());
            },
            Runs.budgets(clock),
            timers,
            clock,
            SETTLE);
    return new AmbiguousOutcomes(
        new TokenProvider(iam, clock, Duration.ofMinutes(5), ok -> {}), check, endings, retries);
  }

  private TokenEndpoint issuing() {
    return () ->
        Future.succeededFuture(AccessToken.issued("tok", clock.instant(), Duration.ofHours(1)));
  }

  /** The car is read after a 504 to the call sent at T0. */
  private CommandResult afterGatewayTimeout(CommandRun run) {
    AccessToken token = new AccessToken("tok", T0.plusSeconds(3600));
    return outcomes(issuing()).readBeforeDeciding(run, token, GATEWAY_TIMEOUT, T0).result();
  }

  private static StateReading locked(boolean value, Instant reportedAt) {
    return StateReading.of(
        Map.of(
            "closure-islocked",
            new SignalReading("closure-islocked", Map.of("value", value), reportedAt)));
  }

  @Test
  void aRestartedCommandWithoutATokenFailsAsUnknownWithoutReading() {
    AmbiguousOutcomes outcomes =
        outcomes(
            () -> Future.failedFuture(new TokenRequestException(503, null, "IAM is down", null)));

    CommandResult result =
        outcomes.resumeInterrupted(Runs.run(CommandType.LOCK, 1, T0.plusSeconds(600)), T0).result();

    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getOutcomeUnknown()).isTrue();
    assertThat(result.getMessage())
        .startsWith(StateCheck.INTERRUPTED_REASON)
        .contains("no access token: IAM is down");
    assertThat(readTokens).isEmpty();
  }

  @Test
  void aRestartedCommandWhoseGoalTheCarReportsSucceedsAsAlreadyInState() {
    readings.add(locked(true, T0.plusSeconds(2)));

    CommandResult result =
        outcomes(issuing())
            .resumeInterrupted(Runs.run(CommandType.LOCK, 1, T0.plusSeconds(600)), T0)
            .result();

    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.getAlreadyInState()).isTrue();
    assertThat(result.getMessage()).startsWith(StateCheck.INTERRUPTED_REASON);
    assertThat(readTokens).containsExactly("tok");
    assertThat(ranAgain).isEmpty();
  }

  @Test
  void aCarReportingAfterTheCallThatItIsNotInTheStateGetsTheCommandAgain() {
    CommandRun run = Runs.run(CommandType.LOCK, 1, T0.plusSeconds(600));
    readings.add(locked(false, T0.plusSeconds(3)));

    CommandResult result = afterGatewayTimeout(run);

    assertThat(result).isSameAs(again);
    assertThat(ranAgain).containsExactly(run);
    assertThat(run.stateEvidence).contains("closure-islocked=false");
  }

  @Test
  void aCarThatHasNotReportedSinceTheCallLeavesTheOutcomeUnknown() {
    CommandRun run = Runs.run(CommandType.UNLOCK, 1, T0.plusSeconds(600));
    readings.add(locked(true, T0.minusSeconds(60)));

    CommandResult result = afterGatewayTimeout(run);

    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getOutcomeUnknown()).isTrue();
    assertThat(result.getMessage()).contains("Check closure-islocked");
    assertThat(ranAgain).isEmpty();
  }
}
