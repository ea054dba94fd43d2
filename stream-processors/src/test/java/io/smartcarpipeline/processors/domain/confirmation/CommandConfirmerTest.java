package io.smartcarpipeline.processors.domain.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.ConfirmationOutcome;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.ValueKind;
import io.smartcarpipeline.processors.domain.SignalCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandConfirmerTest {

  private static final Instant DONE = Instant.parse("2026-01-12T10:00:00Z");
  private final CommandConfirmer confirmer = new CommandConfirmer(Duration.ofMinutes(10));

  @Test
  void windowStartsWhenTheResultWasSeenIfThatIsLaterThanItsCompletion() {
    PendingConfirmation p = new PendingConfirmation();
    long seenAnHourLater = DONE.plusSeconds(3600).toEpochMilli();

    confirmer.onResult(p, lock(), seenAnHourLater);

    assertThat(confirmer.due(p, seenAnHourLater + Duration.ofMinutes(9).toMillis())).isFalse();
    assertThat(confirmer.due(p, seenAnHourLater + Duration.ofMinutes(10).toMillis())).isTrue();
  }

  @Test
  void readingWithoutOemTimeCountsByItsRetrievalTimeAndWithoutAnyTimeNotAtAll() {
    PendingConfirmation p = pending();

    Optional<CommandConfirmation> timeless =
        confirmer.onReading(
            p, new SignalReading(SignalCodes.IS_LOCKED, locked(), null, null, "e"), 0);
    Optional<CommandConfirmation> retrieved =
        confirmer.onReading(
            p,
            new SignalReading(SignalCodes.IS_LOCKED, locked(), null, DONE.plusSeconds(5), "e"),
            0);

    assertThat(timeless).isEmpty();
    assertThat(retrieved)
        .get()
        .extracting(CommandConfirmation::getOutcome)
        .isEqualTo(ConfirmationOutcome.CONFIRMED);
    assertThat(retrieved.get().getDelayMillis()).isEqualTo(5000L);
  }

  @Test
  void readingAtExactlyTheCompletionDoesNotCount() {
    PendingConfirmation p = pending();

    assertThat(
            confirmer.onReading(
                p, new SignalReading(SignalCodes.IS_LOCKED, locked(), DONE, null, "e"), 0))
        .isEmpty();
  }

  private PendingConfirmation pending() {
    PendingConfirmation p = new PendingConfirmation();
    confirmer.onResult(p, lock(), DONE.toEpochMilli());
    return p;
  }

  private static CommandResult lock() {
    return CommandResult.newBuilder()
        .setCommandId("c")
        .setVehicleId("v")
        .setType(CommandType.LOCK)
        .setStatus(CommandStatus.SUCCEEDED)
        .setAttempts(1)
        .setRequestedAt(DONE.minusSeconds(2))
        .setCompletedAt(DONE)
        .build();
  }

  private static SignalValue locked() {
    return SignalValue.newBuilder().setKind(ValueKind.BOOLEAN).setBooleanValue(true).build();
  }
}
