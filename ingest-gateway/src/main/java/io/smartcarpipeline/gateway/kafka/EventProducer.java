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
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one Kafka producer, shared by every verticle instance, as a Vert.x adapter. Rule:
 * the returned future completes only from the broker's acknowledgement (idempotent, {@code
 * acks=all}) or fails; {@code send()} itself runs on a worker thread because it may block on
 * metadata, so an event loop never waits on Kafka. Value schemas are registered at start ({@link
 * #warmUp}), so the serializer never calls the registry while serving.
 */
public final class EventProducer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventProducer.class);

  private final Vertx vertx;
  private final Producer<String, SpecificRecord> producer;
  private final SchemaRegistryClient registry;
  private final Duration timeout;

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

  /** A producer for the gateway's settings; its serializer shares {@code registry}'s cache. */
  public static EventProducer create(Vertx vertx, GatewayConfig config) {
    Map<String, Object> props =
        KafkaClients.producerConfig(
            config.bootstrapServers(), config.schemaRegistryUrl(), "ingest-gateway");
    props.putAll(boundedBy(config.produceTimeout()));
    SchemaRegistryClient registry = SchemaRegistryClients.forConfig(AvroSerdeConfig.from(props));
    ConfluentAvroSerializer<SpecificRecord> values = new ConfluentAvroSerializer<>(registry, props);
    Producer<String, SpecificRecord> producer =
        new KafkaProducer<>(props, new StringSerializer(), values);
    return new EventProducer(vertx, producer, registry, config.produceTimeout());
  }

  /**
   * Producer timeouts derived from the answer bound: {@code send()} blocks at most that long for
   * metadata, and a record is given up on shortly after the HTTP answer has already said 503.
   */
  static Map<String, Object> boundedBy(Duration produceTimeout) {
    long ms = produceTimeout.toMillis();
    return Map.of(
        ProducerConfig.MAX_BLOCK_MS_CONFIG, ms,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ms,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (ms + 1000));
  }

  /**
   * Blocking, for start-up only: registers each topic's value schema and loads topic metadata, so
   * that serving never waits on either.
   */
  public void warmUp(Collection<? extends TopicSpec<?>> topics) {
    for (TopicSpec<?> topic : topics) {
      Schema schema = SpecificData.get().getSchema(topic.valueType());
      int id = registry.register(topic.valueSubject(), schema);
      producer.partitionsFor(topic.name());
      LOG.info(
          "producer_warmed topic={} subject={} schema_id={}",
          topic.name(),
          topic.valueSubject(),
          id);
    }
  }

  /**
   * Sends one record; the future completes on the caller's context with the broker's metadata once
   * the record is acknowledged, and fails if the send fails or takes longer than the bound.
   */
  public <V extends SpecificRecord> Future<RecordMetadata> send(
      TopicSpec<V> topic, String key, V value) {
    Context context = vertx.getOrCreateContext();
    Promise<RecordMetadata> acked = Promise.promise();
    ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic.name(), key, value);
    vertx
        .executeBlocking(
            () ->
                producer.send(
                    record,
                    (metadata, error) ->
                        context.runOnContext(
                            v -> {
                              if (error != null) {
                                acked.tryFail(error);
                              } else {
                                acked.tryComplete(metadata);
                              }
                            })),
            false)
        .onFailure(acked::tryFail);
    long timer =
        vertx.setTimer(
            timeout.toMillis(),
            id ->
                acked.tryFail(
                    new TimeoutException("no acknowledgement from Kafka within " + timeout)));
    return acked.future().andThen(ar -> vertx.cancelTimer(timer));
  }

  /** Flushes what is in flight (bounded) and closes the producer. */
  @Override
  public void close() {
    producer.close(timeout);
  }
}
