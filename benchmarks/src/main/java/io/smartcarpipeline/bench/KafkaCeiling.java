package io.smartcarpipeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.normalise.VehicleEventMapper;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.ConfluentAvroSerializer;
import io.smartcarpipeline.sim.load.LoadResult;
import io.smartcarpipeline.sim.load.WebhookLoad;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka ceiling of the gateway: a plain {@link KafkaProducer} with the gateway's producer
 * settings (idempotent, {@code acks=all}, lz4, linger 5 ms, the same timeouts) sending records that
 * are already serialised, of the same size as the gateway's, to the same topic. Rule: at most
 * {@code window} records unacknowledged, and latency is send to acknowledgement.
 */
final class KafkaCeiling {

  private static final ObjectMapper JSON = new ObjectMapper();

  private KafkaCeiling() {}

  /** Serialised VehicleEvents as the gateway would write them for webhooks of {@code signals}. */
  static List<byte[]> records(String registryUrl, int signals, int count) {
    Map<String, Object> cfg =
        KafkaClients.producerConfig(KafkaClientSettings.plain("unused:0", registryUrl), "bench");
    ConfluentAvroSerializer<VehicleEvent> serializer = new ConfluentAvroSerializer<>();
    serializer.configure(cfg, false);
    WebhookLoad source = new WebhookLoad(BenchOptions.TOKEN, signals, Math.max(1, count));
    List<byte[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(serializer.serialize(Topics.VEHICLE_EVENTS.name(), event(source, i)));
    }
    return out;
  }

  static VehicleEvent event(WebhookLoad source, long seq) {
    try {
      String body = source.next(seq).body().toString();
      return VehicleEventMapper.map(
          JSON.readTree(body),
          EventType.VEHICLE_STATE,
          body,
          SignatureCheck.CURRENT_KEY,
          Instant.now());
    } catch (Exception e) {
      throw new IllegalStateException("bench webhook did not map: " + e, e);
    }
  }

  static LoadResult measure(BenchStack stack, List<byte[]> records, Duration duration, int window) {
    Map<String, Object> cfg = KafkaClients.producerConfig(stack.kafka(), "bench-ceiling");
    cfg.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000L);
    cfg.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    cfg.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6000);
    Semaphore permits = new Semaphore(window);
    Recorder recorder = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long sent = 0;
    long start;
    long end;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(cfg, new StringSerializer(), new ByteArraySerializer())) {
      producer.partitionsFor(Topics.VEHICLE_EVENTS.name());
      start = System.nanoTime();
      long deadline = start + duration.toNanos();
      while (System.nanoTime() < deadline) {
        permits.acquireUninterruptibly();
        byte[] value = records.get((int) (sent % records.size()));
        String key = WebhookLoad.vehicleId(sent % 5000);
        long t0 = System.nanoTime();
        producer.send(
            new ProducerRecord<>(Topics.VEHICLE_EVENTS.name(), key, value),
            (md, e) -> {
              if (e == null) {
                ok.incrementAndGet();
                recorder.recordValue((System.nanoTime() - t0) / 1000);
              } else {
                failed.incrementAndGet();
              }
              permits.release();
            });
        sent++;
      }
      producer.flush();
      end = System.nanoTime();
    }
    Histogram h = recorder.getIntervalHistogram();
    return new LoadResult(sent, ok.get(), failed.get(), end - start, h);
  }
}
