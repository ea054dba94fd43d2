package io.smartcarpipeline.dispatcher.kafka;

import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where ledger entries live. A command's entries (its markers and its FINAL) are written to the
 * ledger partition of the same number as the command's partition on {@code smartcar.commands.v1},
 * so an instance assigned command partitions needs only those ledger partitions. That holds while
 * both topics have the same partition count; when they differ (the commands topic was given more
 * partitions later) entries go to {@code commandPartition % ledgerPartitions} and every assignment
 * reads every ledger partition, as before. Plain logic.
 *
 * @param topic the ledger topic ({@code <group>-ledger-v2})
 * @param ledgerPartitions its partition count
 * @param commandPartitions the commands topic's partition count
 * @param legacyTopic the ledger of the old layout (entries keyed by commandId only, {@code
 *     <group>-ledger}) when it still exists, else null: read whole, see {@link LedgerLoader}
 */
public record LedgerLayout(
    String topic, int ledgerPartitions, int commandPartitions, String legacyTopic) {

  public LedgerLayout {
    if (ledgerPartitions < 1 || commandPartitions < 1) {
      throw new IllegalArgumentException("partition counts must be positive");
    }
  }

  /** Whether loading only the assigned partitions' entries is complete. */
  public boolean coPartitioned() {
    return ledgerPartitions == commandPartitions;
  }

  /** The ledger partition of a command's entries; null (any partition) when unknown (< 0). */
  public Integer ledgerPartition(int commandPartition) {
    return commandPartition < 0 ? null : commandPartition % ledgerPartitions;
  }

  /** The ledger partitions to read when {@code assigned} command partitions are assigned. */
  public List<Integer> toLoad(Collection<Integer> assigned) {
    if (!coPartitioned()) {
      return IntStream.range(0, ledgerPartitions).boxed().toList();
    }
    return assigned.stream().distinct().sorted().toList();
  }
}
