package io.smartcarpipeline.dispatcher.kafka;

import io.smartcarpipeline.events.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns a command record that cannot be processed into a dead letter with its original bytes. */
final class DeadLetters {

  static final String SOURCE = "command-dispatcher";

  private DeadLetters() {}

  static TransactionalOutput.Item item(
      ConsumerRecord<String, byte[]> record, String reason, String message) {
    Map<String, String> headers = new HashMap<>();
    for (Header h : record.headers()) {
      headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
    }
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setSource(SOURCE)
            .setReason(reason)
            .setMessage(message == null ? reason : message)
            .setTopic(record.topic())
            .setPartition(record.partition())
            .setOffset(record.offset())
            .setKey(
                record.key() == null
                    ? null
                    : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
            .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
            .setHeaders(headers)
            .setOccurredAt(Instant.now())
            .build();
    return new TransactionalOutput.Item(null, null, letter, record.key(), record.partition());
  }
}
