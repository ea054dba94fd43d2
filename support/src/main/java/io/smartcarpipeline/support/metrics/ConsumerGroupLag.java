package io.smartcarpipeline.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a consumer group's lag as {@code consumer_group_lag_records{group,topic}}, measured the
 * way an operator would with {@code kafka-consumer-groups.sh --describe}: committed offsets against
 * the partitions' last stable offsets, every {@code interval}, on a thread of its own (never on a
 * scrape). Unlike the consumer's own {@code records-lag} metric this keeps growing when the
 * consumer is stuck or its thread died, which is when it matters. {@code
 * consumer_group_lag_measured_timestamp_seconds} says when the last measurement succeeded; a failed
 * one (broker unreachable) leaves the last values and logs a warning. It can also watch the end of
 * other topics ({@code topic_end_offset_records{topic}}, summed over partitions), so an alert can
 * see records arriving on a topic nobody here consumes, such as the dead letters.
 */
public final class ConsumerGroupLag implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroupLag.class);

  private final Admin admin;
  private final String group;
  private final MeterRegistry registry;
  private final Duration timeout;
  private final Clock clock;
  private final Map<String, AtomicLong> lagByTopic = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> endByTopic = new ConcurrentHashMap<>();
  private final List<String> watched;
  private final AtomicLong measuredAtMillis = new AtomicLong();
  private final AtomicReference<String> lastFailure = new AtomicReference<>();
  private final ScheduledExecutorService scheduler;

  private ConsumerGroupLag(
      Admin admin,
      String group,
      List<String> watched,
      MeterRegistry registry,
      Duration timeout,
      Clock clock) {
    this.admin = admin;
    this.watched = List.copyOf(watched);
    this.clock = clock;
    this.group = group;
    this.registry = registry;
    this.timeout = timeout;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "consumer-lag-" + group);
              t.setDaemon(true);
              return t;
            });
    Gauge.builder(
            "consumer_group_lag_measured_timestamp_seconds",
            measuredAtMillis,
            m -> m.get() / 1000.0)
        .description("When the consumer group lag was last measured (epoch seconds)")
        .tag("group", group)
        .register(registry);
  }

  /**
   * Measures {@code group}'s lag now and then every {@code interval} with {@code admin} (which this
   * object closes), exporting it to {@code registry}, with the end offsets of the {@code watched}
   * topics. Each Admin call waits at most {@code interval}.
   */
  public static ConsumerGroupLag start(
      Admin admin,
      String group,
      List<String> watched,
      MeterRegistry registry,
      Duration interval,
      Clock clock) {
    ConsumerGroupLag lag = new ConsumerGroupLag(admin, group, watched, registry, interval, clock);
    lag.scheduler.scheduleWithFixedDelay(
        lag::measureQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return lag;
  }

  /** One measurement; the gauges are updated only if every call succeeded. */
  void measure() throws Exception {
    Map<TopicPartition, Long> committed = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    offsets.forEach(
        (partition, offset) -> {
          if (offset != null) {
            committed.put(partition, offset.offset());
          }
        });
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
    if (!watched.isEmpty()) {
      admin
          .describeTopics(watched)
          .allTopicNames()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .forEach(
              (topic, d) ->
                  d.partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    if (!latest.isEmpty()) {
      admin
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .forEach((p, info) -> ends.put(p, info.offset()));
    }
    TopicLag.perTopic(committed, ends).forEach((topic, records) -> gauge(topic).set(records));
    Map<String, Long> endOffsets = new HashMap<>();
    ends.forEach(
        (p, end) -> {
          if (watched.contains(p.topic())) {
            endOffsets.merge(p.topic(), end, Long::sum);
          }
        });
    endOffsets.forEach(
        (topic, end) ->
            endByTopic
                .computeIfAbsent(
                    topic,
                    t -> {
                      AtomicLong value = new AtomicLong();
                      Gauge.builder("topic_end_offset_records", value, AtomicLong::get)
                          .description("End offset of a watched topic, summed over partitions")
                          .tag("topic", t)
                          .register(registry);
                      return value;
                    })
                .set(end));
    measuredAtMillis.set(clock.millis());
  }

  private void measureQuietly() {
    try {
      measure();
      if (lastFailure.getAndSet(null) != null) {
        LOG.info("consumer_lag_measured_again group={}", group);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      String failure = e.toString();
      if (lastFailure.getAndSet(failure) == null) {
        LOG.warn(
            "consumer_lag_unmeasured group={} error={} (is the broker reachable? the gauges keep"
                + " their last values until it is)",
            group,
            failure);
      }
    }
  }

  private AtomicLong gauge(String topic) {
    return lagByTopic.computeIfAbsent(
        topic,
        t -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder("consumer_group_lag_records", value, AtomicLong::get)
              .description("Records between the group's committed offsets and the topic's end")
              .tag("group", group)
              .tag("topic", t)
              .register(registry);
          return value;
        });
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close(timeout);
  }
}
