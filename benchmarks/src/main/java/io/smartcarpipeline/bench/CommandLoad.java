package io.smartcarpipeline.bench;

import io.smartcarpipeline.dispatcher.CommandProducer;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.sim.load.WebhookLoad;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Puts commands on {@code Topics.COMMANDS} and watches {@code Topics.COMMAND_RESULTS}
 * (read_committed) for their results: per command, the time from its send to its result being
 * readable, and the Smartcar call time the dispatcher reports ({@code lastAttemptMillis}). Rule:
 * the results consumer is positioned at the end before the first command goes out.
 */
final class CommandLoad implements AutoCloseable {

  private final KafkaProducer<String, CommandRequest> producer;
  private final KafkaConsumer<String, CommandResult> consumer;
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  final Recorder endToEndMicros = new Recorder(3);
  final Recorder overheadMicros = new Recorder(3);
  final Recorder apiMicros = new Recorder(3);
  final AtomicLong results = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread reader;

  CommandLoad(BenchStack stack) {
    Map<String, Object> pc = KafkaClients.producerConfig(stack.kafka(), "bench-commands");
    // each command is timed from send(): the client's own linger (5 ms by default) is not the
    // dispatcher's overhead, so commands go out at once
    pc.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer = new KafkaProducer<>(pc);
    Map<String, Object> c = KafkaClients.consumerConfig(stack.kafka(), "unused");
    c.remove("group.id");
    ConfluentAvroDeserializer<CommandResult> d =
        new ConfluentAvroDeserializer<>(CommandResult.class);
    d.configure(c, false);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), d);
    List<TopicPartition> tps =
        consumer.partitionsFor(Topics.COMMAND_RESULTS.name(), Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(tps);
    consumer.seekToEnd(tps);
    tps.forEach(consumer::position);
    this.reader = new Thread(this::read, "bench-results-reader");
    reader.start();
  }

  void flush() {
    producer.flush();
  }

  /** Sends one SET_CHARGE_LIMIT command to {@code vehicle} without waiting for the ack. */
  void send(int vehicle) {
    CommandRequest r =
        CommandProducer.request(
            CommandType.SET_CHARGE_LIMIT,
            WebhookLoad.vehicleId(vehicle),
            "user-" + vehicle,
            80,
            null,
            null,
            Duration.ofMinutes(5));
    sentAt.put(r.getCommandId(), System.nanoTime());
    producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), r.getVehicleId(), r));
  }

  private void read() {
    while (running.get()) {
      for (ConsumerRecord<String, CommandResult> rec : consumer.poll(Duration.ofMillis(50))) {
        long now = System.nanoTime();
        CommandResult r = rec.value();
        Long t0 = r == null ? null : sentAt.remove(r.getCommandId());
        if (t0 == null) {
          continue;
        }
        long e2e = (now - t0) / 1000;
        long api = r.getLastAttemptMillis() == null ? 0 : r.getLastAttemptMillis() * 1000L;
        endToEndMicros.recordValue(e2e);
        apiMicros.recordValue(api);
        overheadMicros.recordValue(Math.max(0, e2e - api));
        results.incrementAndGet();
      }
    }
  }

  @Override
  public void close() {
    running.set(false);
    try {
      reader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
    producer.close(Duration.ofSeconds(10));
  }
}
