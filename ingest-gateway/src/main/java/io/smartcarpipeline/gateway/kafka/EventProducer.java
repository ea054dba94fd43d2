package io.smartcarpipeline.gateway.kafka;

import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import io.smartcarpipeline.serde.ConfluentAvroSerializer;
import io.smartcarpipeline.serde.SchemaRegistryClient;
import io.smartcarpipeline.serde.SchemaRegistryClients;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one Kafka producer, shared by every verticle instance, as a Vert.x adapter. Rule:
 * the returned future completes only from the broker's acknowledgement (idempotent, {@code
 * acks=all}) or fails, with an {@link UnwritableRecordException} when the record itself can never
 * be written. {@code send()} runs on the caller's event loop and never waits: {@code max.block.ms}
 * is 0, so a record whose topic metadata is not cached or that finds the buffer full fails at once
 * (the caller answers 503) instead of blocking the loop. Metadata is loaded at start ({@link
 * #warmUp}) and kept from expiring while a topic is idle; value schemas are registered at start, so
 * the serializer never calls the registry while serving.
 */
public final class EventProducer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventProducer.class);

  /** How often the written topics' metadata is touched so an idle topic is never evicted. */
  static final Duration KEEP_WARM_INTERVAL = Duration.ofMinutes(1);

  private final Vertx vertx;
  private final Producer<String, SpecificRecord> producer;
  private final SchemaRegistryClient registry;
  private final Duration timeout;
  private long keepWarmTimer = -1;

  EventProducer(
      Vertx vertx,
      Producer<String, SpecificRecord> producer,
      SchemaRegistryClient registry,
      Duration timeout) {
    this.vertx = vertx;
    this.producer = producer;
    this.registry = registry;
    this.timeout = timeout;
  }

  /** The registry client the serializer uses (TLS and credentials included), for probes. */
  public SchemaRegistryClient registry() {
    return registry;
  }

  /** A producer for the gateway's settings; its serializer shares {@code registry}'s cache. */
  public static EventProducer create(Vertx vertx, GatewayConfig config) {
    return create(vertx, config, Map.of());
  }

  /** As {@link #create(Vertx, GatewayConfig)}, with producer settings overridden (tests). */
  static EventProducer create(Vertx vertx, GatewayConfig config, Map<String, Object> overrides) {
    Map<String, Object> props = KafkaClients.producerConfig(config.kafka(), "ingest-gateway");
    props.putAll(boundedBy(config.produceTimeout()));
    props.putAll(overrides);
    SchemaRegistryClient registry = SchemaRegistryClients.forConfig(AvroSerdeConfig.from(props));
    ConfluentAvroSerializer<SpecificRecord> values = new ConfluentAvroSerializer<>(registry, props);
    Producer<String, SpecificRecord> producer =
        new KafkaProducer<>(props, new StringSerializer(), values);
    return new EventProducer(vertx, producer, registry, config.produceTimeout());
  }

  /**
   * Producer settings derived from the answer bound: {@code send()} never blocks (metadata missing
   * or buffer full fail at once), and a record is given up on shortly after the HTTP answer has
   * already said 503.
   */
  static Map<String, Object> boundedBy(Duration produceTimeout) {
    long ms = produceTimeout.toMillis();
    return Map.of(
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 0L,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ms,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (ms + 1000));
  }

  /**
   * Blocking, for start-up only: registers each topic's value schema and loads topic metadata
   * (waiting at most {@code metadataTimeout} per topic), so that serving never waits on either.
   * Then keeps that metadata from expiring while a topic sees no traffic.
   */
  public void warmUp(Collection<? extends TopicSpec<?>> topics, Duration metadataTimeout) {
    for (TopicSpec<?> topic : topics) {
      Schema schema = SpecificData.get().getSchema(topic.valueType());
      int id = registry.register(topic.valueSubject(), schema);
      TopicMetadata.await(producer, topic.name(), metadataTimeout);
      LOG.info(
          "producer_warmed topic={} subject={} schema_id={}",
          topic.name(),
          topic.valueSubject(),
          id);
    }
    keepWarm(topics.stream().map(TopicSpec::name).toList());
  }

  /**
   * The producer forgets a topic's metadata after {@code metadata.max.idle.ms} without a send, and
   * a send would then fail at once; touching it periodically (never blocking) prevents that.
   */
  private void keepWarm(List<String> topics) {
    keepWarmTimer =
        vertx.setPeriodic(
            KEEP_WARM_INTERVAL.toMillis(),
            id -> topics.forEach(t -> TopicMetadata.touch(producer, t)));
  }

  /**
   * Sends one record from the caller's context without blocking it; the future completes on that
   * context with the broker's metadata once the record is acknowledged, and fails if the send fails
   * (at once when metadata or buffer space is missing) or takes longer than the bound.
   */
  public <V extends SpecificRecord> Future<RecordMetadata> send(
      TopicSpec<V> topic, String key, V value) {
    Context context = vertx.getOrCreateContext();
    Promise<RecordMetadata> acked = Promise.promise();
    ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic.name(), key, value);
    try {
      producer.send(
          record, (metadata, error) -> context.runOnContext(v -> settle(acked, metadata, error)));
    } catch (SerializationException | ArithmeticException e) {
      // The value cannot be turned into bytes (e.g. an Avro conversion overflows): never will be.
      return Future.failedFuture(new UnwritableRecordException(e));
    } catch (KafkaException | IllegalStateException | IllegalArgumentException e) {
      // A closed producer or missing metadata: no ack will come for this send.
      return Future.failedFuture(e);
    }
    long timer =
        vertx.setTimer(
            timeout.toMillis(),
            id ->
                acked.tryFail(
                    new TimeoutException("no acknowledgement from Kafka within " + timeout)));
    return acked.future().andThen(ar -> vertx.cancelTimer(timer));
  }

  private static void settle(
      Promise<RecordMetadata> acked, RecordMetadata metadata, Exception error) {
    if (error instanceof RecordTooLargeException) {
      acked.tryFail(new UnwritableRecordException(error));
    } else if (error != null) {
      acked.tryFail(error);
    } else {
      acked.tryComplete(metadata);
    }
  }

  /** Flushes what is in flight (bounded) and closes the producer. */
  @Override
  public void close() {
    if (keepWarmTimer >= 0) {
      vertx.cancelTimer(keepWarmTimer);
    }
    producer.close(timeout);
  }
}
