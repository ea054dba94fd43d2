package io.smartcarpipeline.examples.dailyenergy;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.AvroSerdes;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link DailyEnergyTopology}: wiring only. Settings (environment): {@code
 * KAFKA_BOOTSTRAP_SERVERS} (localhost:9092), {@code SCHEMA_REGISTRY_URL} (http://localhost:8081),
 * {@code DAILY_ENERGY_TOPIC} (analytics.daily-energy-kwh), {@code DAILY_ENERGY_ZONE} (UTC), {@code
 * APPLICATION_ID} (daily-energy). With Confluent's serde instead of ours: {@code new
 * SpecificAvroSerde<ChargingSession>()} configured with {@code schema.registry.url}.
 */
public final class DailyEnergyApp {

  private static final Logger LOG = LoggerFactory.getLogger(DailyEnergyApp.class);

  private DailyEnergyApp() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    String registry = env.getOrDefault("SCHEMA_REGISTRY_URL", "http://localhost:8081");
    String output = env.getOrDefault("DAILY_ENERGY_TOPIC", "analytics.daily-energy-kwh");
    ZoneId zone = ZoneId.of(env.getOrDefault("DAILY_ENERGY_ZONE", "UTC"));

    Properties props = new Properties();
    props.put(
        StreamsConfig.APPLICATION_ID_CONFIG, env.getOrDefault("APPLICATION_ID", "daily-energy"));
    props.put(
        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
        env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);

    Serde<ChargingSession> sessions = AvroSerdes.valueSerde(Topics.CHARGING_SESSIONS, registry);
    KafkaStreams streams =
        new KafkaStreams(DailyEnergyTopology.build(sessions, output, zone), props);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  streams.close();
                  stopped.countDown();
                }));
    streams.start();
    LOG.info("daily_energy_started output={} zone={}", output, zone);
    stopped.await();
  }
}
