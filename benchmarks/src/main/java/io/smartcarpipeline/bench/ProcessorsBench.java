package io.smartcarpipeline.bench;

import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.processors.ProcessorsApp;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Benchmark 2: preload a fleet's charging day into {@code Topics.VEHICLE_EVENTS}, then start the
 * processors' topology from scratch (new application id, empty state dir) and time it until its
 * committed offsets reach the end of the topic. Ceiling, same run: a plain consumer reading and
 * deserialising the same records. Rule: caught up means committed (exactly-once) offsets, not
 * records merely read.
 */
final class ProcessorsBench {

  static final String NAME = "processors";

  private ProcessorsBench() {}

  static void run(BenchOptions o, Report report) {
    try (BenchStack stack = BenchStack.start(o)) {
      long t0 = System.nanoTime();
      Preloader.Loaded loaded =
          Preloader.load(stack, o.processorsSignals(), o.processorsVehicles(), 7);
      double preloadSeconds = (System.nanoTime() - t0) / 1e9;
      report.add(
          NAME,
          "preloaded events",
          loaded.events(),
          "events",
          String.format(
              "%d vehicles, %d duplicates, %d out of order, %.1f s to preload",
              o.processorsVehicles(), loaded.duplicates(), loaded.outOfOrder(), preloadSeconds));
      report.add(
          NAME,
          "preloaded signals",
          loaded.signals(),
          "signals",
          Preloader.SIGNALS_PER_EVENT + " per event");
      List<Double> ceiling = new ArrayList<>();
      List<Double> topology = new ArrayList<>();
      List<Double> fromRunning = new ArrayList<>();
      for (int i = 0; i < o.runs(); i++) {
        ceiling.add(loaded.events() / plainConsumerSeconds(stack, loaded.events()));
        double[] t = topologySeconds(stack, o, i);
        topology.add(loaded.events() / t[0]);
        fromRunning.add(loaded.events() / t[1]);
      }
      double events = Stats.median(topology);
      double signals = events * Preloader.SIGNALS_PER_EVENT;
      double ceilingEvents = Stats.median(ceiling);
      report.add(
          NAME,
          "topology catch-up from scratch: events/s",
          events,
          "1/s",
          Stats.spread(topology) + " (start to committed end)");
      report.add(NAME, "topology catch-up: signals/s", signals, "1/s", "");
      report.add(
          NAME,
          "topology catch-up: signals/s per stream thread",
          signals / o.streamThreads(),
          "1/s",
          o.streamThreads() + " thread(s); target >= 50,000");
      report.add(
          NAME,
          "topology from RUNNING to caught up: events/s",
          Stats.median(fromRunning),
          "1/s",
          "excludes start-up");
      report.add(
          NAME,
          "plain consumer ceiling: events/s",
          ceilingEvents,
          "1/s",
          Stats.spread(ceiling) + " (read_committed, Avro deserialised)");
      report.add(
          NAME,
          "plain consumer ceiling: signals/s",
          ceilingEvents * Preloader.SIGNALS_PER_EVENT,
          "1/s",
          "");
      report.add(
          NAME, "topology / consumer ceiling", Stats.ratio(events, ceilingEvents), "ratio", "");
    }
  }

  /** Seconds for a plain consumer to read and deserialise {@code expected} records. */
  private static double plainConsumerSeconds(BenchStack stack, long expected) {
    Map<String, Object> cfg = KafkaClients.consumerConfig(stack.kafka(), "unused");
    cfg.remove("group.id");
    cfg.put("max.poll.records", 2000);
    ConfluentAvroDeserializer<VehicleEvent> values =
        new ConfluentAvroDeserializer<>(VehicleEvent.class);
    values.configure(cfg, false);
    long start = System.nanoTime();
    try (KafkaConsumer<String, VehicleEvent> consumer =
        new KafkaConsumer<>(cfg, new StringDeserializer(), values)) {
      List<TopicPartition> tps =
          consumer.partitionsFor(Topics.VEHICLE_EVENTS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      long read = 0;
      long signals = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (read < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, VehicleEvent> r : consumer.poll(Duration.ofMillis(200))) {
          read++;
          signals += r.value().getSignals().size();
        }
      }
      if (signals == 0) {
        throw new IllegalStateException("plain consumer read no signals");
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** {seconds from start() to caught up, seconds from RUNNING to caught up}. */
  private static double[] topologySeconds(BenchStack stack, BenchOptions o, int run) {
    Path stateDir = tempDir();
    String appId = "bench-processors-" + run + "-" + System.nanoTime();
    Settings settings =
        Settings.of(
            Map.of(
                CommonSettings.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers(),
                CommonSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                ProcessorsConfig.PORT, "0",
                ProcessorsConfig.APPLICATION_ID, appId,
                ProcessorsConfig.STATE_DIR, stateDir.toString(),
                ProcessorsConfig.STREAM_THREADS, String.valueOf(o.streamThreads())));
    try (Admin admin = stack.admin()) {
      Map<TopicPartition, Long> end = endOffsets(admin);
      long start = System.nanoTime();
      try (ProcessorsApp app = ProcessorsApp.start(settings)) {
        long running = System.nanoTime();
        waitCaughtUp(admin, appId, end);
        long done = System.nanoTime();
        return new double[] {(done - start) / 1e9, (done - running) / 1e9};
      }
    } finally {
      deleteQuietly(stateDir);
    }
  }

  static Map<TopicPartition, Long> endOffsets(Admin admin) {
    try {
      int partitions =
          admin
              .describeTopics(List.of(Topics.VEHICLE_EVENTS.name()))
              .allTopicNames()
              .get()
              .get(Topics.VEHICLE_EVENTS.name())
              .partitions()
              .size();
      Map<TopicPartition, OffsetSpec> spec = new java.util.HashMap<>();
      for (int p = 0; p < partitions; p++) {
        spec.put(new TopicPartition(Topics.VEHICLE_EVENTS.name(), p), OffsetSpec.latest());
      }
      return admin.listOffsets(spec).all().get().entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (Exception e) {
      throw new IllegalStateException("could not read end offsets: " + e, e);
    }
  }

  /** Polls the group's committed offsets every 100 ms until they reach {@code end}. */
  static void waitCaughtUp(Admin admin, String groupId, Map<TopicPartition, Long> end) {
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        boolean done =
            end.entrySet().stream()
                .allMatch(
                    e ->
                        e.getValue() == 0
                            || (committed.get(e.getKey()) != null
                                && committed.get(e.getKey()).offset() >= e.getValue()));
        if (done) {
          return;
        }
        Thread.sleep(100); // a poll interval, not synchronisation: the offsets are re-read
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (Exception e) {
        throw new IllegalStateException("could not read committed offsets: " + e, e);
      }
    }
    throw new IllegalStateException("group " + groupId + " did not catch up within 15 minutes");
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("bench-state");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteIfPresent(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a leftover temp file is harmless
    }
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ProcessorsBench::deleteIfPresent);
    } catch (IOException | RuntimeException e) {
      // a leftover temp dir is harmless
    }
  }
}
