package io.smartcarpipeline.gateway;

import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A gateway IT's gateway: the real {@link GatewayApp} on the embedded broker, an HTTP client for
 * it, and probes of the events and dead-letter topics that tell what a test's requests wrote (call
 * {@link #markTopics()} before each test).
 */
final class RunningGateway implements AutoCloseable {

  private final GatewayApp app;
  private final GatewayClient client;
  private final TopicProbe<VehicleEvent> events;
  private final TopicProbe<DeadLetter> deadLetters;
  private Map<TopicPartition, Long> eventsMark;
  private Map<TopicPartition, Long> deadLettersMark;

  private RunningGateway(LocalStack stack, Settings settings) {
    app = GatewayApp.start(settings);
    client = new GatewayClient(app.port());
    events =
        new TopicProbe<>(
            stack.bootstrapServers(), stack.schemaRegistryUrl(), Topics.VEHICLE_EVENTS);
    deadLetters =
        new TopicProbe<>(stack.bootstrapServers(), stack.schemaRegistryUrl(), Topics.DEAD_LETTERS);
    markTopics();
  }

  /** Starts the gateway with these settings (see {@link #settings(LocalStack, String)}). */
  static RunningGateway start(LocalStack stack, Settings settings) {
    return new RunningGateway(stack, settings);
  }

  /** The settings every gateway IT needs: this management token, a free port, two instances. */
  static Map<String, String> settings(LocalStack stack, String token) {
    Map<String, String> s = new HashMap<>();
    s.put(GatewayConfig.MANAGEMENT_TOKEN, token);
    s.put(GatewayConfig.PORT, "0");
    s.put(GatewayConfig.INSTANCES, "2");
    s.put(CommonSettings.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
    s.put(CommonSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    return s;
  }

  int port() {
    return app.port();
  }

  GatewayClient client() {
    return client;
  }

  /** From here on {@link #newEvents()} and {@link #newDeadLetters()} count. */
  void markTopics() {
    eventsMark = events.mark();
    deadLettersMark = deadLetters.mark();
  }

  /** The vehicle events written since the mark. */
  List<ConsumerRecord<String, VehicleEvent>> newEvents() {
    return events.recordsSince(eventsMark);
  }

  /** The dead letters written since the mark. */
  List<ConsumerRecord<String, DeadLetter>> newDeadLetters() {
    return deadLetters.recordsSince(deadLettersMark);
  }

  /** The raw body a dead letter kept. */
  static byte[] keptBody(DeadLetter letter) {
    byte[] kept = new byte[letter.getValue().remaining()];
    letter.getValue().get(kept);
    return kept;
  }

  @Override
  public void close() {
    events.close();
    deadLetters.close();
    app.close();
  }
}
