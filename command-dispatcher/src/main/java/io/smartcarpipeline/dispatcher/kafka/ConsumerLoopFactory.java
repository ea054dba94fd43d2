package io.smartcarpipeline.dispatcher.kafka;

import io.smartcarpipeline.dispatcher.config.DispatcherConfig;
import io.smartcarpipeline.dispatcher.dispatch.Dispatcher;
import io.smartcarpipeline.dispatcher.metrics.CommandTimeline;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.Context;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Builds the consumer loop with its Kafka clients from the config. */
public final class ConsumerLoopFactory {

  private ConsumerLoopFactory() {}

  public static CommandConsumerLoop create(
      DispatcherConfig c,
      LedgerLayout ledger,
      Dispatcher dispatcher,
      Context context,
      Consumer<Collection<TopicPartition>> loadLedger,
      AtomicInteger inFlightGauge,
      CommandTimeline.PhaseRecorder phases) {
    Map<String, Object> cc = KafkaClients.consumerConfig(c.kafka(), c.groupId());
    cc.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    cc.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    cc.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    cc.put(ConsumerConfig.CLIENT_ID_CONFIG, c.transactionalId());
    // static membership: the instance id is stable (a StatefulSet pod, DISPATCHER_INSTANCE_ID), so
    // an instance restarted after a crash gets its partitions back at once instead of waiting for
    // the dead member's session to time out
    cc.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, c.transactionalId());
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(cc, new StringDeserializer(), new ByteArrayDeserializer());
    ConfluentAvroDeserializer<CommandRequest> deserializer =
        new ConfluentAvroDeserializer<>(CommandRequest.class);
    deserializer.configure(c.kafka().registry(), false);
    TransactionalOutput output = new TransactionalOutput(c.kafka(), c.transactionalId(), ledger);
    return new CommandConsumerLoop(
        consumer,
        deserializer,
        output,
        dispatcher,
        context,
        loadLedger,
        c.maxInFlight(),
        inFlightGauge,
        phases);
  }
}
