package io.smartcarpipeline.dispatcher.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Writes finished commands and their offsets all or nothing ({@link TransactionalOutput}). */
interface TransactionWriter extends AutoCloseable {

  /** Writes the items and commits the offsets in one transaction; throws when it did not commit. */
  void commit(
      List<TransactionalOutput.Item> items,
      Map<TopicPartition, OffsetAndMetadata> offsets,
      ConsumerGroupMetadata group);

  @Override
  void close();
}
