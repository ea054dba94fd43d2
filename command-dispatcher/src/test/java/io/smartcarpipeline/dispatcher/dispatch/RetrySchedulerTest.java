package io.smartcarpipeline.dispatcher.dispatch;

import static io.smartcarpipeline.dispatcher.dispatch.Runs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.dispatcher.retry.RetryPolicy;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.errors.Schedule;
import io.smartcarpipeline.smartcar.errors.Verdict;
import io.smartcarpipeline.support.testing.MutableClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetrySchedulerTest {

  private final MutableClock clock = new MutableClock(T0);
  private final List<Duration> waits = new ArrayList<>();
  private final List<CommandRun> ranAgain = new ArrayList<>();
  private final CommandResult again = Runs.resultOf("ran again");
  private final RetryScheduler retries =
      new RetryScheduler(
          RetryPolicy.builder().maxAttempts(3).clock(clock).random(new Random(1)).build(),
          Runs.instantTimers(clock, waits),
          new RunEndings(clock),
          run -> {
            ranAgain.add(run);
            return Future.succeededFuture(again);
          });

  private static Classification retryAfter(Duration wait) {
    return new Classification(
        Verdict.RETRYABLE, "rate limited", Schedule.RETRY_AFTER, wait, 0, false, false, false);
  }

  @Test
  void shouldWaitTheDelayThenRunTheCommandAgain() {
    CommandRun run = Runs.run(CommandType.LOCK, 1, T0.plusSeconds(600));

    CommandResult result = retries.retryOrFail(run, retryAfter(Duration.ofSeconds(10))).result();

    assertThat(waits).containsExactly(Duration.ofSeconds(10));
    assertThat(ranAgain).containsExactly(run);
    assertThat(result).isSameAs(again);
  }

  @Test
  void shouldFailSayingWhyWhenThePolicyGivesUp() {
    CommandRun run = Runs.run(CommandType.LOCK, 3, T0.plusSeconds(600));

    CommandResult result = retries.retryOrFail(run, retryAfter(Duration.ofSeconds(10))).result();

    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getMessage()).isEqualTo("rate limited; gave up after 3 attempts");
    assertThat(waits).isEmpty();
    assertThat(ranAgain).isEmpty();
  }

  @Test
  void shouldExpireInsteadOfWaitingUpToOrPastTheDeadline() {
    CommandRun run = Runs.run(CommandType.UNLOCK, 1, T0.plusSeconds(10));

    CommandResult result = retries.retryOrFail(run, retryAfter(Duration.ofSeconds(10))).result();

    assertThat(result.getStatus()).isEqualTo(CommandStatus.EXPIRED);
    assertThat(waits).isEmpty();
    assertThat(ranAgain).isEmpty();
  }

  @Test
  void shouldCountAFailureBeforeAnyCallAsTheFirstAttempt() {
    RetryScheduler oneAttempt =
        new RetryScheduler(
            RetryPolicy.builder().maxAttempts(1).clock(clock).random(new Random(1)).build(),
            Runs.instantTimers(clock, waits),
            new RunEndings(clock),
            run -> Future.succeededFuture(again));

    CommandResult result =
        oneAttempt
            .retryOrFail(Runs.run(CommandType.LOCK, 0, T0.plusSeconds(600)), retryAfter(null))
            .result();

    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getMessage()).contains("gave up after 1 attempts");
  }
}
