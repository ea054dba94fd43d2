package io.smartcarpipeline.launcher.demo;

import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An example charging orchestrator, the kind of service a fleet or energy company writes on top of
 * the pipeline: a small Kafka client that reads {@code smartcar.vehicle-state.v1}, decides with
 * {@link ChargingPolicy}, puts commands on {@code smartcar.commands.v1} and reads their outcomes
 * from {@code smartcar.command-results.v1}. Commands expire after two minutes: a stale decision is
 * never carried out.
 */
public final class ChargingOrchestrator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChargingOrchestrator.class);
  private static final Duration COMMAND_TTL = Duration.ofMinutes(2);

  private final TopicFollower follower;
  private final KafkaProducer<String, Object> producer;
  private final ChargingPolicy policy;
  private final PriceSignal price;
  private final Clock clock;
  private final Set<String> ours = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> resultsByStatus = new ConcurrentHashMap<>();
  private final AtomicLong sent = new AtomicLong();

  public ChargingOrchestrator(
      String bootstrapServers,
      String registryUrl,
      ChargingPolicy policy,
      PriceSignal price,
      Clock clock) {
    this.follower =
        new TopicFollower(
            "charging-orchestrator",
            bootstrapServers,
            registryUrl,
            "demo-charging-orchestrator",
            true,
            List.of(Topics.VEHICLE_STATE, Topics.COMMAND_RESULTS),
            this::onRecord);
    this.producer =
        new KafkaProducer<>(
            KafkaClients.producerConfig(
                KafkaClientSettings.plain(bootstrapServers, registryUrl),
                "demo-charging-orchestrator"));
    this.policy = policy;
    this.price = price;
    this.clock = clock;
  }

  public ChargingOrchestrator start() {
    follower.start();
    return this;
  }

  /** Commands this orchestrator has sent. */
  public long commandsSent() {
    return sent.get();
  }

  /** Results of every command on the results topic, by status. */
  public Map<String, Long> resultsByStatus() {
    Map<String, Long> out = new java.util.TreeMap<>();
    resultsByStatus.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private void onRecord(ConsumerRecord<String, Object> record) {
    if (record.value() instanceof VehicleState state) {
      onState(state);
    } else if (record.value() instanceof CommandResult result) {
      onResult(result);
    }
  }

  private void onState(VehicleState state) {
    boolean peak = price.isPeak(clock.instant());
    for (ChargingPolicy.Decision d : policy.decide(VehicleView.of(state), peak, clock.instant())) {
      CommandRequest request =
          CommandRequest.newBuilder()
              .setCommandId(UUID.randomUUID().toString())
              .setVehicleId(d.vehicleId())
              .setUserId(d.userId())
              .setType(d.type())
              .setParameters(new CommandParameters(d.percent(), null, null))
              .setRequestedAt(clock.instant())
              .setExpiresAt(clock.instant().plus(COMMAND_TTL))
              .setRequestedBy("demo-charging-orchestrator")
              .build();
      ours.add(request.getCommandId());
      producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), d.vehicleId(), request));
      sent.incrementAndGet();
      LOG.info(
          "orchestrator_command_sent vehicle_id={} type={} peak={}", d.vehicleId(), d.type(), peak);
    }
  }

  private void onResult(CommandResult result) {
    resultsByStatus
        .computeIfAbsent(result.getStatus().name(), k -> new AtomicLong())
        .incrementAndGet();
    if (ours.remove(result.getCommandId())) {
      policy.resultArrived(result, clock.instant());
      if (policy.waitingForOwner(result.getVehicleId())) {
        LOG.info(
            "orchestrator_vehicle_needs_owner vehicle_id={} error={}:{}",
            result.getVehicleId(),
            result.getErrorType(),
            result.getErrorCode());
      }
    }
  }

  @Override
  public void close() {
    follower.close();
    producer.close(Duration.ofSeconds(5));
  }
}
