package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.dispatcher.idempotency.LedgerEntry;
import io.smartcarpipeline.events.CommandResult;

/**
 * What the Kafka side must write for one consumed command, in one transaction with the offset.
 * Rule: a commandId gets exactly one result on the results topic. A FINAL ledger entry is written
 * in the same transaction as its result, so a commandId the ledger knows as final already has its
 * result published: a copy of it writes nothing ({@link #alreadyAnswered}), and a reuse of the id
 * for another command goes to the dead-letter topic, not to the results topic.
 *
 * @param result the result to put on the results topic, null for a dead letter or a copy
 * @param ledgerEntry the FINAL ledger entry to write, null when nothing new is final
 * @param deadLetterReason reason code when the record cannot be processed at all, else null
 * @param deadLetterMessage what went wrong, for a person
 */
public record DispatchOutcome(
    CommandResult result,
    LedgerEntry ledgerEntry,
    String deadLetterReason,
    String deadLetterMessage) {

  static DispatchOutcome written(CommandResult result, LedgerEntry entry) {
    return new DispatchOutcome(result, entry, null, null);
  }

  /** A copy of a command whose result is already on the results topic: only the offset moves. */
  static DispatchOutcome alreadyAnswered() {
    return new DispatchOutcome(null, null, null, null);
  }

  /** Whether nothing is to be written but the offset. */
  public boolean writesNothing() {
    return result == null && ledgerEntry == null && deadLetterReason == null;
  }

  public static DispatchOutcome deadLetter(String reason, String message) {
    return new DispatchOutcome(null, null, reason, message);
  }
}
