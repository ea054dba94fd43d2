package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.dispatcher.idempotency.LedgerEntry;
import io.smartcarpipeline.events.CommandResult;

/**
 * What the Kafka side must write for one consumed command, in one transaction with the offset.
 *
 * @param result the result to put on the results topic, null for a dead letter
 * @param ledgerEntry the FINAL ledger entry to write, null when nothing new is final (a repeated
 *     commandId answered from the ledger, or a conflicting duplicate)
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

  static DispatchOutcome answered(CommandResult result) {
    return new DispatchOutcome(result, null, null, null);
  }

  public static DispatchOutcome deadLetter(String reason, String message) {
    return new DispatchOutcome(null, null, reason, message);
  }
}
