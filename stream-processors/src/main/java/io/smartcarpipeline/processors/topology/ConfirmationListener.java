package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.CommandConfirmation;

/**
 * Told of every confirmation the topology emits (for metrics). Called on the stream thread inside
 * the transaction: a transaction that aborts and is replayed reports its confirmations again, so
 * counts may exceed the topic's after a crash; the topic is the truth.
 */
@FunctionalInterface
public interface ConfirmationListener {

  /** Ignores everything. */
  ConfirmationListener NONE = c -> {};

  void decided(CommandConfirmation confirmation);
}
