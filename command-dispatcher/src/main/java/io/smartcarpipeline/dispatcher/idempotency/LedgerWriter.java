package io.smartcarpipeline.dispatcher.idempotency;

import io.vertx.core.Future;

/** Durably writes a ledger entry; the future completes once the broker has acknowledged it. */
@FunctionalInterface
public interface LedgerWriter {

  /**
   * @param commandPartition the partition of the entry's command on the commands topic (its ledger
   *     entries go to the matching ledger partition), or -1 when unknown
   */
  Future<Void> write(LedgerEntry entry, int commandPartition);
}
