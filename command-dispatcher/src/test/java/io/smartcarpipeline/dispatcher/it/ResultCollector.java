package io.smartcarpipeline.dispatcher.it;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the results topic (read_committed, from the beginning) and keeps every result seen. */
final class ResultCollector implements AutoCloseable {

  private final KafkaConsumer<String, CommandResult> consumer;
  private final List<CommandResult> seen = new ArrayList<>();

  ResultCollector(String bootstrap, String registryUrl) {
    Map<String, Object> c =
        KafkaClients.consumerConfig(KafkaClientSettings.plain(bootstrap, registryUrl), "unused");
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    ConfluentAvroDeserializer<CommandResult> d =
        new ConfluentAvroDeserializer<>(CommandResult.class);
    d.configure(c, false);
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), d);
    List<TopicPartition> tps =
        consumer.partitionsFor(Topics.COMMAND_RESULTS.name(), Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(tps);
    consumer.seekToBeginning(tps);
  }

  /** Polls once and returns the results for these commandIds, by commandId. */
  Map<String, List<CommandResult>> poll(Collection<String> commandIds) {
    consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
    return seen.stream()
        .filter(r -> commandIds.contains(r.getCommandId()))
        .collect(Collectors.groupingBy(CommandResult::getCommandId));
  }

  @Override
  public void close() {
    consumer.close();
  }
}
