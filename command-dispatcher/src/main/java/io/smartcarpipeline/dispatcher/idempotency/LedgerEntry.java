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
 */
public record LedgerEntry(
    String commandId,
    String fingerprint,
    Phase phase,
    int attempts,
    Instant firstAttemptAt,
    CommandResult result) {

  /** Where a command is. */
  public enum Phase {
    STARTED,
    FINAL
  }

  public static LedgerEntry started(
      String commandId, String fingerprint, int attempts, Instant firstAttemptAt) {
    return new LedgerEntry(commandId, fingerprint, Phase.STARTED, attempts, firstAttemptAt, null);
  }

  public static LedgerEntry fin(String fingerprint, CommandResult result) {
    return new LedgerEntry(
        result.getCommandId(),
        fingerprint,
        Phase.FINAL,
        result.getAttempts(),
        result.getFirstAttemptAt(),
        result);
  }

  public boolean isFinal() {
    return phase == Phase.FINAL;
  }
}
