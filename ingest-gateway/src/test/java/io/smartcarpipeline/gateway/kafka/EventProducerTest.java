package io.smartcarpipeline.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.schemas.Topics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventProducerTest {

  private static final Duration PRODUCE_TIMEOUT = Duration.ofSeconds(10);

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void producerNeverBlocksTheCallerWhileTheAckBoundStaysTheProduceTimeout() {
    Map<String, Object> bounds = EventProducer.boundedBy(PRODUCE_TIMEOUT);

    assertThat(bounds).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0L);
    assertThat(bounds).containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    assertThat(bounds).containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 11_000);
  }

  @Test
  void aSendWithoutTopicMetadataFailsAtOnceInsteadOfWaitingOnTheEventLoop() throws Exception {
    // given a real producer whose broker is unreachable, so it never gets the topic's metadata
    Map<String, Object> props = new HashMap<>(EventProducer.boundedBy(PRODUCE_TIMEOUT));
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    Producer<String, SpecificRecord> kafka =
        new KafkaProducer<>(props, new StringSerializer(), (topic, value) -> new byte[0]);
    try (EventProducer producer = new EventProducer(vertx, kafka, null, PRODUCE_TIMEOUT)) {
      // when a record is sent from an event loop
      CompletableFuture<Long> sendNanos = new CompletableFuture<>();
      Future<RecordMetadata> acked = onEventLoop(producer, sendNanos);

      // then send() returns without waiting for metadata and the answer is a failure well before
      // the produce timeout (bounds at half and 80 % of it: a starved 2-core CI machine needs the
      // slack, a producer that waits for metadata or delivery needs the whole timeout or more)
      assertThat(sendNanos.get(10, TimeUnit.SECONDS))
          .isLessThan(PRODUCE_TIMEOUT.dividedBy(2).toNanos());
      await().atMost(PRODUCE_TIMEOUT.multipliedBy(8).dividedBy(10)).until(acked::isComplete);
      assertThat(acked.cause()).isInstanceOf(TimeoutException.class);
    }
  }

  @Test
  void aRecordThatCannotBeSerialisedFailsTheFutureAsUnwritableInsteadOfThrowing() throws Exception {
    MockProducer<String, SpecificRecord> kafka =
        new MockProducer<>(false, null, new StringSerializer(), (topic, value) -> new byte[0]);
    kafka.sendException = new SerializationException("cannot encode");
    try (EventProducer producer = new EventProducer(vertx, kafka, null, PRODUCE_TIMEOUT)) {
      Future<RecordMetadata> acked = onEventLoop(producer, new CompletableFuture<>());

      await().atMost(Duration.ofSeconds(3)).until(acked::isComplete);
      // the record's own fault, never to be answered as a Kafka outage
      assertThat(acked.cause())
          .isInstanceOf(UnwritableRecordException.class)
          .hasCauseInstanceOf(SerializationException.class);
    }
  }

  @Test
  void theFutureCompletesOnlyWithTheBrokersAcknowledgement() throws Exception {
    MockProducer<String, SpecificRecord> kafka =
        new MockProducer<>(false, null, new StringSerializer(), (topic, value) -> new byte[0]);
    try (EventProducer producer = new EventProducer(vertx, kafka, null, PRODUCE_TIMEOUT)) {
      Future<RecordMetadata> acked = onEventLoop(producer, new CompletableFuture<>());
      await().atMost(Duration.ofSeconds(3)).until(() -> kafka.history().size() == 1);
      assertThat(acked.isComplete()).as("not acknowledged yet").isFalse();

      kafka.completeNext();

      await().atMost(Duration.ofSeconds(3)).until(acked::isComplete);
      assertThat(acked.succeeded()).isTrue();
      assertThat(acked.result().topic()).isEqualTo(Topics.DEAD_LETTERS.name());
    }
  }

  @Test
  void aBrokerErrorFailsTheFuture() throws Exception {
    MockProducer<String, SpecificRecord> kafka =
        new MockProducer<>(false, null, new StringSerializer(), (topic, value) -> new byte[0]);
    try (EventProducer producer = new EventProducer(vertx, kafka, null, PRODUCE_TIMEOUT)) {
      Future<RecordMetadata> acked = onEventLoop(producer, new CompletableFuture<>());
      await().atMost(Duration.ofSeconds(3)).until(() -> kafka.history().size() == 1);

      kafka.errorNext(new TimeoutException("expired in the accumulator"));

      await().atMost(Duration.ofSeconds(3)).until(acked::isComplete);
      assertThat(acked.cause()).isInstanceOf(TimeoutException.class);
    }
  }

  /** Sends one dead letter from an event loop, recording how long {@code send()} itself took. */
  private Future<RecordMetadata> onEventLoop(
      EventProducer producer, CompletableFuture<Long> sendNanos) {
    Promise<RecordMetadata> result = Promise.promise();
    // built (and the Avro and topic classes loaded) before the clock starts
    DeadLetter letter = deadLetter();
    TopicSpec<DeadLetter> topic = Topics.DEAD_LETTERS;
    vertx
        .getOrCreateContext()
        .runOnContext(
            v -> {
              long start = System.nanoTime();
              Future<RecordMetadata> acked = producer.send(topic, "veh-1", letter);
              sendNanos.complete(System.nanoTime() - start);
              acked.onComplete(result);
            });
    return result.future();
  }

  private static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setSource("test")
        .setReason("TEST")
        .setMessage("a record")
        .setValue(ByteBuffer.wrap(new byte[] {1, 2, 3}))
        .setHeaders(Map.of())
        .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"))
        .build();
  }
}
