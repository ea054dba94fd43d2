package io.smartcarpipeline.dispatcher.dispatch;

import static io.smartcarpipeline.dispatcher.dispatch.Runs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunEndingsTest {

  private final MutableClock clock = new MutableClock(T0.plusSeconds(90));
  private final RunEndings endings = new RunEndings(clock);

  @Test
  void anExpiredCommandNeverCalledSaysItWasNotSent() {
    CommandResult r = endings.expired(Runs.run(CommandType.UNLOCK, 0, T0.plusSeconds(60))).result();

    assertThat(r.getStatus()).isEqualTo(CommandStatus.EXPIRED);
    assertThat(r.getAttempts()).isZero();
    assertThat(r.getMessage()).isEqualTo("not sent: the command expired at " + T0.plusSeconds(60));
  }

  @Test
  void anExpiredCommandCalledBeforeSaysItWasNotRetried() {
    CommandResult r = endings.expired(Runs.run(CommandType.LOCK, 2, T0.plusSeconds(60))).result();

    assertThat(r.getAttempts()).isEqualTo(2);
    assertThat(r.getMessage())
        .isEqualTo("expired at " + T0.plusSeconds(60) + " before it could be retried");
  }

  @Test
  void aFinalResultIsStampedWithTheClockAndCarriesItsFlags() {
    clock.advance(Duration.ofSeconds(5));

    CommandResult r =
        endings
            .done(
                Runs.run(CommandType.LOCK, 1, T0.plusSeconds(600)),
                CommandStatus.FAILED,
                false,
                true,
                "check closure-islocked")
            .result();

    assertThat(r.getCompletedAt()).isEqualTo(T0.plusSeconds(95));
    assertThat(r.getOutcomeUnknown()).isTrue();
    assertThat(r.getAlreadyInState()).isFalse();
    assertThat(r.getMessage()).isEqualTo("check closure-islocked");
  }
}
