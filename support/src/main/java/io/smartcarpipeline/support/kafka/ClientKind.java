package io.smartcarpipeline.support.kafka;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The kinds of Kafka client a service builds, each with its own settings prefix ({@code
 * KAFKA_PRODUCER_}, …) and the property names Kafka knows for it. A setting under the common prefix
 * {@code KAFKA_} reaches a kind only when the kind knows the property, so {@code KAFKA_ACKS} shapes
 * producers and leaves consumers without an "unused config" warning.
 */
public enum ClientKind {
  PRODUCER(ProducerConfig.configNames()),
  CONSUMER(ConsumerConfig.configNames()),
  ADMIN(AdminClientConfig.configNames()),
  /**
   * Kafka Streams passes client properties on to its producers, consumers and admin client; its own
   * properties ({@code num.stream.threads}, …) are set under {@code KAFKA_STREAMS_}.
   */
  STREAMS(union(ProducerConfig.configNames(), ConsumerConfig.configNames()));

  private final Set<String> known;

  ClientKind(Set<String> known) {
    this.known = Set.copyOf(known);
  }

  /** The settings prefix of this kind only: {@code KAFKA_PRODUCER_}. */
  public String prefix() {
    return KafkaClientSettings.PREFIX + name() + "_";
  }

  /** Whether Kafka knows this property for this kind of client. */
  public boolean knows(String property) {
    return known.contains(property) || (this == STREAMS && ADMIN.knows(property));
  }

  /** The lower-case word used in client ids and messages. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
