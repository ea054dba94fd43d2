package io.smartcarpipeline.dispatcher;

import io.smartcarpipeline.dispatcher.idempotency.LedgerCodec;
import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.serde.ConfluentAvroSerializer;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts a {@link CommandRequest} on {@code Topics.COMMANDS} (key = vehicle id) and, if asked, waits
 * for its {@link CommandResult} on {@code Topics.COMMAND_RESULTS}. Used by the {@code command} CLI
 * subcommand and by tests; orchestration services do the same with their own producer.
 *
 * <pre>{@code
 * try (CommandProducer p = new CommandProducer(bootstrap, registryUrl)) {
 *   CommandRequest r = CommandProducer.request(CommandType.SET_CHARGE_LIMIT, "veh", "user",
 *       80, null, null, Duration.ofMinutes(5));
 *   Optional<CommandResult> result = p.sendAndWait(r, Duration.ofMinutes(6));
 * }
 * }</pre>
 */
public final class CommandProducer implements AutoCloseable {

  private final KafkaClientSettings kafka;
  private final KafkaProducer<String, CommandRequest> producer;

  /** A producer for plain (unsecured) Kafka and registry addresses. */
  public CommandProducer(String bootstrapServers, String registryUrl) {
    this(KafkaClientSettings.plain(bootstrapServers, registryUrl));
  }

  /** A producer with every client setting ({@code KAFKA_*}, {@code SCHEMA_REGISTRY_*}). */
  public CommandProducer(KafkaClientSettings kafka) {
    this.kafka = kafka;
    Map<String, Object> c = KafkaClients.producerConfig(kafka, "command-cli");
    ConfluentAvroSerializer<CommandRequest> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(c, false);
    this.producer = new KafkaProducer<>(c, new StringSerializer(), serializer);
  }

  /**
   * A new request with a fresh commandId.
   *
   * @param percent SET_CHARGE_LIMIT only
   * @param latitude SET_DESTINATION only
   * @param longitude SET_DESTINATION only
   * @param ttl time until it expires, null for the dispatcher's default maximum age
   */
  public static CommandRequest request(
      CommandType type,
      String vehicleId,
      String userId,
      Integer percent,
      Double latitude,
      Double longitude,
      Duration ttl) {
    Instant now = Clock.systemUTC().instant();
    return CommandRequest.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setVehicleId(vehicleId)
        .setUserId(userId)
        .setType(type)
        .setParameters(new CommandParameters(percent, latitude, longitude))
        .setRequestedAt(now)
        .setExpiresAt(ttl == null ? null : now.plus(ttl))
        .setRequestedBy("smartcar-pipeline-cli")
        .build();
  }

  /** Sends the request and waits for the broker's acknowledgement. */
  public void send(CommandRequest request) {
    try {
      producer
          .send(new ProducerRecord<>(Topics.COMMANDS.name(), request.getVehicleId(), request))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending the command", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not put the command on Kafka: " + e.getMessage(), e);
    }
  }

  /** Sends the request, then waits up to {@code timeout} for its result. */
  public Optional<CommandResult> sendAndWait(CommandRequest request, Duration timeout) {
    try (KafkaConsumer<String, CommandResult> consumer = resultsConsumer()) {
      List<TopicPartition> tps =
          consumer.partitionsFor(Topics.COMMAND_RESULTS.name(), Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(tps);
      consumer.seekToEnd(tps);
      tps.forEach(consumer::position); // fix the start before the command goes out
      send(request);
      Instant deadline = Instant.now().plus(timeout);
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, CommandResult> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() != null && request.getCommandId().equals(r.value().getCommandId())) {
            return Optional.of(r.value());
          }
        }
      }
      return Optional.empty();
    }
  }

  /** The result as one line of JSON, for printing. */
  public static String toJson(CommandResult result) {
    return LedgerCodec.encodeResult(result).encode();
  }

  private KafkaConsumer<String, CommandResult> resultsConsumer() {
    Map<String, Object> c = KafkaClients.consumerConfig(kafka, "unused");
    c.remove("group.id");
    ConfluentAvroDeserializer<CommandResult> d =
        new ConfluentAvroDeserializer<>(CommandResult.class);
    d.configure(c, false);
    return new KafkaConsumer<>(c, new StringDeserializer(), d);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
