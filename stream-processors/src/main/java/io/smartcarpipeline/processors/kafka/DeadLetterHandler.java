package io.smartcarpipeline.processors.kafka;

import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.ConfluentAvroSerializer;
import io.smartcarpipeline.serde.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to a record that cannot be deserialised: it goes to {@code
 * Topics.DEAD_LETTERS} (reason {@value #REASON}, the error, the original key and value bytes,
 * topic, partition, offset and headers) and processing continues, so a bad record never causes a
 * crash loop. Kafka Streams writes the dead letter in the same transaction as the offsets. Only if
 * the dead letter itself cannot be written does it fail, rather than lose the record silently.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

  /** Reason code on the dead letter. */
  public static final String REASON = "DESERIALIZATION_FAILED";

  /** The service named as source. */
  public static final String SOURCE = "stream-processors";

  /** Optional config key: a {@link SchemaRegistryClient} instance to use (tests). */
  public static final String REGISTRY_CLIENT_CONFIG = "smartcar.dead-letter.registry-client";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
  private static final int MAX_MESSAGE = 2000;

  private ConfluentAvroSerializer<DeadLetter> serializer;
  private Clock clock = Clock.systemUTC();

  @Override
  public void configure(Map<String, ?> configs) {
    Object client = configs.get(REGISTRY_CLIENT_CONFIG);
    if (client instanceof SchemaRegistryClient c) {
      serializer = new ConfluentAvroSerializer<>(c, configs);
    } else {
      serializer = new ConfluentAvroSerializer<>();
      serializer.configure(configs, false);
    }
    if (configs.get(Clock.class.getName()) instanceof Clock c) {
      clock = c;
    }
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    DeadLetter letter = deadLetter(record, exception);
    try {
      byte[] value = serializer.serialize(Topics.DEAD_LETTERS.name(), letter);
      LOG.warn(
          "record_dead_lettered topic={} partition={} offset={} reason={}",
          record.topic(),
          record.partition(),
          record.offset(),
          REASON);
      return Response.resume(
          List.of(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), record.key(), value)));
    } catch (RuntimeException e) {
      LOG.error(
          "dead_letter_failed topic={} partition={} offset={} error={}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
      return Response.fail();
    }
  }

  DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record, Exception exception) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : record.headers()) {
      headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
    }
    String message = String.valueOf(exception);
    return DeadLetter.newBuilder()
        .setSource(SOURCE)
        .setReason(REASON)
        .setMessage(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message)
        .setTopic(record.topic())
        .setPartition(record.partition())
        .setOffset(record.offset())
        .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
        .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
        .setHeaders(headers)
        .setOccurredAt(clock.instant())
        .build();
  }
}
