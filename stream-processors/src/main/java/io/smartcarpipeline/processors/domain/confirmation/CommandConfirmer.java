package io.smartcarpipeline.processors.domain.confirmation;

import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.ConfirmationEvidence;
import io.smartcarpipeline.events.ConfirmationOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides, from the car's own readings, whether a succeeded command took effect. Rules:
 *
 * <ul>
 *   <li>Only readings whose source time ({@code oemUpdatedAt}, else {@code retrievedAt}) is
 *       strictly after the result's {@code completedAt} count: an older reading shows the state
 *       before the command.
 *   <li>The first confirming reading decides CONFIRMED at once.
 *   <li>A contradicting reading is held, not final: a car can report the old value once more before
 *       the change lands (a charger ramping up, an OEM cloud that lags). If no confirming reading
 *       follows by the deadline, the outcome is CONTRADICTED with the newest contradiction; with no
 *       reading at all, UNCONFIRMED.
 *   <li>The deadline is the window after {@code completedAt}, or after the processors first saw the
 *       result if that is later (after downtime the backlog is read before anything expires).
 * </ul>
 *
 * Plain Java, no Kafka: the processor supplies the clock ({@code now}, epoch millis).
 */
public final class CommandConfirmer {

  /** How long a SET_CHARGE_LIMIT request waits for its result before it is forgotten. */
  public static final Duration REQUEST_RETENTION = Duration.ofDays(1);

  private final Duration window;

  public CommandConfirmer(Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("confirmation window must be positive: " + window);
    }
    this.window = window;
  }

  /** Whether the request must be remembered: only SET_CHARGE_LIMIT needs its parameters. */
  public static boolean remembersRequest(CommandRequest request) {
    return request.getType() == CommandType.SET_CHARGE_LIMIT
        && request.getParameters() != null
        && request.getParameters().getPercent() != null;
  }

  /** Records a request's parameters into {@code p} (new or already holding the result). */
  public void onRequest(PendingConfirmation p, CommandRequest request, long now) {
    p.commandId = request.getCommandId();
    p.vehicleId = request.getVehicleId();
    p.type = request.getType().name();
    p.percent = request.getParameters().getPercent();
    p.requestSeenAt = now;
    if (p.userId == null) {
      p.userId = request.getUserId();
    }
  }

  /** Records the result into {@code p} (new, or created by the request) and sets its deadline. */
  public void onResult(PendingConfirmation p, CommandResult result, long now) {
    p.commandId = result.getCommandId();
    p.vehicleId = result.getVehicleId();
    p.type = result.getType().name();
    if (result.getUserId() != null) {
      p.userId = result.getUserId();
    }
    p.completedAt = result.getCompletedAt().toEpochMilli();
    p.deadline = Math.max(p.completedAt, now) + window.toMillis();
  }

  /** The expectation of {@code p}, empty while a SET_CHARGE_LIMIT's percent is unknown. */
  public static Optional<Expectation> expectation(PendingConfirmation p) {
    return ConfirmationRules.expectation(CommandType.valueOf(p.type), p.percent);
  }

  /**
   * Applies one reading: CONFIRMED when it shows the effect; a contradiction is held in {@code p}
   * (the newest by source time); anything else changes nothing.
   *
   * @return the decision, when the reading decides
   */
  public Optional<CommandConfirmation> onReading(
      PendingConfirmation p, SignalReading reading, long now) {
    Optional<Expectation> expected = expectation(p);
    Instant at = reading.sourceTime();
    if (!p.hasResult() || expected.isEmpty() || at == null || at.toEpochMilli() <= p.completedAt) {
      return Optional.empty();
    }
    Verdict verdict = expected.get().judge(reading.code(), reading.value());
    if (verdict == Verdict.CONFIRMS) {
      return Optional.of(
          decision(
              p,
              ConfirmationOutcome.CONFIRMED,
              evidence(reading),
              now,
              "The car reported "
                  + reading.code()
                  + " = "
                  + ConfirmationRules.render(reading.value())
                  + " after the command completed."));
    }
    if (verdict == Verdict.CONTRADICTS
        && (!p.holdsContradiction() || at.toEpochMilli() >= heldTime(p))) {
      p.heldSignal = reading.code();
      p.heldValue = ConfirmationRules.render(reading.value());
      p.heldOemUpdatedAt = millis(reading.oemUpdatedAt());
      p.heldRetrievedAt = millis(reading.retrievedAt());
      p.heldEventId = reading.eventId();
    }
    return Optional.empty();
  }

  /** Whether {@code p}'s window has ended at {@code now}. */
  public boolean due(PendingConfirmation p, long now) {
    return p.hasResult() && now >= p.deadline;
  }

  /** Whether {@code p} is a request whose result never came and is no longer worth keeping. */
  public boolean stale(PendingConfirmation p, long now) {
    return !p.hasResult()
        && p.requestSeenAt != null
        && now - p.requestSeenAt > REQUEST_RETENTION.toMillis();
  }

  /**
   * The decision at the end of the window: CONTRADICTED if a contradiction is held, else
   * UNCONFIRMED.
   */
  public CommandConfirmation expire(PendingConfirmation p, long now) {
    String expected = expectation(p).map(Expectation::description).orElse(null);
    if (p.holdsContradiction()) {
      ConfirmationEvidence e =
          new ConfirmationEvidence(
              p.heldSignal,
              p.heldValue,
              instant(p.heldOemUpdatedAt),
              instant(p.heldRetrievedAt),
              p.heldEventId);
      return decision(
          p,
          ConfirmationOutcome.CONTRADICTED,
          e,
          now,
          "The car reported "
              + p.heldSignal
              + " = "
              + p.heldValue
              + " after the command completed, and not the expected "
              + expected
              + " within "
              + window
              + ": the command may not have taken effect; check the vehicle before relying on it.");
    }
    String message =
        expected == null
            ? "The command request (for its percent) was not seen, so the limit could not be"
                + " checked: is smartcar.commands.v1 still holding it?"
            : "No reading of "
                + expected
                + " newer than the command's completion within "
                + window
                + ": the car may be asleep or offline, or the webhook may not subscribe to that"
                + " signal; read the signal to check.";
    return decision(p, ConfirmationOutcome.UNCONFIRMED, null, now, message);
  }

  private CommandConfirmation decision(
      PendingConfirmation p,
      ConfirmationOutcome outcome,
      ConfirmationEvidence evidence,
      long now,
      String message) {
    Long delay = null;
    if (evidence != null) {
      Instant at =
          evidence.getOemUpdatedAt() != null
              ? evidence.getOemUpdatedAt()
              : evidence.getRetrievedAt();
      delay = at == null ? null : at.toEpochMilli() - p.completedAt;
    }
    return CommandConfirmation.newBuilder()
        .setCommandId(p.commandId)
        .setVehicleId(p.vehicleId)
        .setUserId(p.userId)
        .setType(CommandType.valueOf(p.type))
        .setOutcome(outcome)
        .setExpected(expectation(p).map(Expectation::description).orElse("unknown"))
        .setEvidence(evidence)
        .setCommandCompletedAt(Instant.ofEpochMilli(p.completedAt))
        .setDecidedAt(Instant.ofEpochMilli(now))
        .setDelayMillis(delay)
        .setWindowMillis(window.toMillis())
        .setMessage(message)
        .build();
  }

  private static ConfirmationEvidence evidence(SignalReading r) {
    return new ConfirmationEvidence(
        r.code(),
        ConfirmationRules.render(r.value()),
        r.oemUpdatedAt(),
        r.retrievedAt(),
        r.eventId());
  }

  private static long heldTime(PendingConfirmation p) {
    return p.heldOemUpdatedAt != null
        ? p.heldOemUpdatedAt
        : p.heldRetrievedAt == null ? Long.MIN_VALUE : p.heldRetrievedAt;
  }

  private static Long millis(Instant i) {
    return i == null ? null : i.toEpochMilli();
  }

  private static Instant instant(Long ms) {
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }
}
