package io.smartcarpipeline.dispatcher.dispatch;

import static io.smartcarpipeline.dispatcher.dispatch.Runs.T0;
import static io.smartcarpipeline.dispatcher.dispatch.Runs.VEHICLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartcarpipeline.dispatcher.metrics.DispatcherMetrics;
import io.smartcarpipeline.dispatcher.retry.RetryPolicy;
import io.smartcarpipeline.dispatcher.verify.StateReading;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.smartcar.auth.AccessToken;
import io.smartcarpipeline.smartcar.auth.TokenProvider;
import io.smartcarpipeline.smartcar.budget.Budgets;
import io.smartcarpipeline.smartcar.errors.SmartcarErrorClassifier;
import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import io.smartcarpipeline.support.testing.MutableClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What each kind of answer leads to, with the real classifier and instant timers. */
class AnswerHandlerTest {

  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final Duration OEM_HOLD = Duration.ofHours(6);

  private final MutableClock clock = new MutableClock(T0);
  private final List<Duration> waits = new ArrayList<>();
  private final List<CommandRun> ranAgain = new ArrayList<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger issued = new AtomicInteger();
  private final CommandResult again = Runs.resultOf("ran again");
  private final Budgets budgets = Runs.budgets(clock);
  private final TokenProvider tokens =
      new TokenProvider(
          () ->
              Future.succeededFuture(
                  AccessToken.issued(
                      "token-" + issued.incrementAndGet(), clock.instant(), Duration.ofHours(1))),
          clock,
          Duration.ofMinutes(5),
          ok -> {});
  private final AnswerHandler handler = handler();

  private AnswerHandler handler() {
    Timers timers = Runs.instantTimers(clock, waits);
    RunEndings endings = new RunEndings(clock);
    RetryScheduler retries =
        new RetryScheduler(
            RetryPolicy.builder().clock(clock).random(new Random(1)).build(),
            timers,
            endings,
            this::runAgain);
    StateCheck check =
        new StateCheck(
            (request, token) -> {
              reads.incrementAndGet();
              return Future.succeededFuture(StateReading.unavailable("the read failed"));
            },
            budgets,
            timers,
            clock,
            SETTLE);
    return new AnswerHandler(
        new SmartcarErrorClassifier(),
        budgets,
        new DispatcherMetrics(new SimpleMeterRegistry()),
        tokens,
        clock,
        new OemRateLimitHold(OEM_HOLD),
        endings,
        retries,
        new AmbiguousOutcomes(tokens, check, endings, retries),
        this::runAgain);
  }

  private Future<CommandResult> runAgain(CommandRun run) {
    ranAgain.add(run);
    return Future.succeededFuture(again);
  }

  private CommandResult handle(CommandRun run, ApiOutcome outcome) {
    AccessToken token = tokens.token().result();
    Instant sentAt = clock.instant();
    clock.advance(Duration.ofMillis(1500)); // the call's latency
    return handler.handle(run, token, outcome, sentAt).result();
  }

  private static CommandRun run(CommandType type) {
    return Runs.run(type, 1, T0.plusSeconds(600));
  }

  @Test
  void shouldSucceedAndRecordTheAnswerOnTheRun() {
    CommandRun run = run(CommandType.LOCK);

    CommandResult result = handle(run, ApiResponse.success(200, "exec_1"));

    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.getAlreadyInState()).isFalse();
    assertThat(result.getExecutionId()).isEqualTo("exec_1");
    assertThat(result.getLastAttemptMillis()).isEqualTo(1500L);
    assertThat(ranAgain).isEmpty();
  }

  @Test
  void shouldSucceedAsAlreadyInStateWithSmartcarsCode() {
    CommandResult result =
        handle(
            run(CommandType.START_CHARGING),
            ApiResponse.error(409, "VEHICLE_STATE", "CHARGING_IN_PROGRESS"));

    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.getAlreadyInState()).isTrue();
    assertThat(result.getMessage()).endsWith("(CHARGING_IN_PROGRESS)");
  }

  @Test
  void shouldFailAndRestTheVehicleOnTheManufacturersRateLimit() {
    CommandResult result =
        handle(run(CommandType.LOCK), ApiResponse.error(429, "UPSTREAM", "RATE_LIMIT"));

    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getMessage()).contains("DISPATCHER_OEM_RATE_LIMIT_HOLD");
    assertThat(budgets.waitBeforeCall(VEHICLE)).isEqualTo(OEM_HOLD);
    assertThat(ranAgain).isEmpty();
  }

  @Test
  void shouldTakeANewTokenOnceThenFailOnASecondRefusal() {
    CommandRun run = run(CommandType.LOCK);

    CommandResult first = handle(run, ApiResponse.error(401, "AUTHENTICATION", null));

    assertThat(first).isSameAs(again);
    assertThat(ranAgain).containsExactly(run);
    assertThat(tokens.token().result().value()).isEqualTo("token-2");

    CommandResult second = handle(run, ApiResponse.error(401, "AUTHENTICATION", null));

    assertThat(second.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(second.getMessage()).contains("refused again after a refresh");
    assertThat(ranAgain).hasSize(1);
  }

  @Test
  void shouldReadTheCarInsteadOfFailingOrResendingAfterAGatewayTimeout() {
    CommandRun run = run(CommandType.UNLOCK);

    CommandResult result = handle(run, ApiResponse.error(504, null, null));

    assertThat(reads.get()).isEqualTo(StateCheck.READS_PER_ANSWER);
    assertThat(waits).containsOnly(SETTLE);
    assertThat(ranAgain).isEmpty();
    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getOutcomeUnknown()).isTrue();
    assertThat(result.getStateReads()).isEqualTo(StateCheck.READS_PER_ANSWER);
  }

  @Test
  void shouldHandARetryableAnswerToTheRetrySchedule() {
    CommandRun run = run(CommandType.LOCK);

    CommandResult result = handle(run, ApiResponse.error(409, "VEHICLE_STATE", "ASLEEP"));

    assertThat(result).isSameAs(again);
    assertThat(ranAgain).containsExactly(run);
    assertThat(waits).hasSize(1);
    assertThat(reads.get()).isZero();
  }
}
