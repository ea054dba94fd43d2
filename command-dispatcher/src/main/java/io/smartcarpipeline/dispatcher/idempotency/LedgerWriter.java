package io.smartcarpipeline.dispatcher.idempotency;

import io.vertx.core.Future;

/** Durably writes a ledger entry; the future completes once the broker has acknowledged it. */
@FunctionalInterface
public interface LedgerWriter {

  Future<Void> write(LedgerEntry entry);
}
