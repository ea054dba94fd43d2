package io.smartcarpipeline.dispatcher.idempotency;

import io.smartcarpipeline.events.CommandResult;
import java.time.Instant;

/**
 * What the dispatcher knows about one commandId, kept in the compacted ledger topic keyed by
 * commandId. {@link Phase#STARTED} is written (and acknowledged) before every call to Smartcar, so
 * that after a crash a replayed command is known to have possibly run; {@link Phase#FINAL} holds
 * the first final result, written in the same transaction as the result itself.
 *
 * @param commandId the idempotency key
 * @param fingerprint {@link Fingerprint} of the request
 * @param phase STARTED or FINAL
 * @param attempts calls started so far
 * @param firstAttemptAt when the first call started, may be null
 * @param result the final result when FINAL, else null
 * @param attemptAt when the marker of the latest call was written (just before that call), null
 *     when unknown (entries written before this field existed)
 */
public record LedgerEntry(
    String commandId,
    String fingerprint,
    Phase phase,
    int attempts,
    Instant firstAttemptAt,
    CommandResult result,
    Instant attemptAt) {

  /** Where a command is. */
  public enum Phase {
    STARTED,
    FINAL
  }

  public static LedgerEntry started(
      String commandId, String fingerprint, int attempts, Instant firstAttemptAt) {
    return started(commandId, fingerprint, attempts, firstAttemptAt, null);
  }

  public static LedgerEntry started(
      String commandId,
      String fingerprint,
      int attempts,
      Instant firstAttemptAt,
      Instant attemptAt) {
    return new LedgerEntry(
        commandId, fingerprint, Phase.STARTED, attempts, firstAttemptAt, null, attemptAt);
  }

  public static LedgerEntry fin(String fingerprint, CommandResult result) {
    return new LedgerEntry(
        result.getCommandId(),
        fingerprint,
        Phase.FINAL,
        result.getAttempts(),
        result.getFirstAttemptAt(),
        result,
        null);
  }

  /**
   * The earliest time the latest call can have been sent: the marker's {@code attemptAt}; for a
   * marker without it, the first call's start when it was the only call, else {@code fallback} (the
   * caller's "now": only what the car reports from then on counts).
   */
  public Instant lastCallNotBefore(Instant fallback) {
    if (attemptAt != null) {
      return attemptAt;
    }
    return attempts <= 1 && firstAttemptAt != null ? firstAttemptAt : fallback;
  }

  public boolean isFinal() {
    return phase == Phase.FINAL;
  }
}
