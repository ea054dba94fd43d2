package io.smartcarpipeline.dispatcher.kafka;

import io.smartcarpipeline.dispatcher.dispatch.CommandExecutor;
import io.smartcarpipeline.dispatcher.dispatch.DispatchOutcome;
import io.smartcarpipeline.dispatcher.dispatch.Dispatcher;
import io.smartcarpipeline.dispatcher.metrics.CommandTimeline;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.ConfluentAvroDeserializer;
import io.vertx.core.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of the dispatcher, on its own thread: polls commands, hands each to the {@link
 * Dispatcher} on the Vert.x context, and writes finished outcomes with their offsets in one
 * transaction ({@link TransactionalOutput}), run by a {@link BackgroundCommitter} so that polling
 * goes on while a batch commits; an offset moves only past commands whose result is written. Above
 * {@code maxInFlight} unfinished commands it pauses its partitions and resumes below half. On stop
 * it pauses, lets running calls finish within the grace period, writes their results, and leaves
 * the rest uncommitted for the next run.
 */
public final class CommandConsumerLoop implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandConsumerLoop.class);

  private record Done(
      TopicPartition tp, long offset, TransactionalOutput.Item item, CommandTimeline timeline) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final ConfluentAvroDeserializer<CommandRequest> deserializer;
  private final BackgroundCommitter committer;
  private final Dispatcher dispatcher;
  private final Context context;
  private final Consumer<Collection<TopicPartition>> onAssigned;
  private final int maxInFlight;
  private final OffsetTracker tracker = new OffsetTracker();
  private final Queue<Done> done = new ConcurrentLinkedQueue<>();
  private final AtomicInteger dispatching = new AtomicInteger();
  private final AtomicInteger inFlightGauge;
  private final CommandTimeline.PhaseRecorder phases;
  private volatile boolean stopping;
  private volatile Instant stopDeadline = Instant.MAX;
  private volatile boolean healthy = true;
  private volatile boolean closed;
  private boolean paused;

  CommandConsumerLoop(
      KafkaConsumer<String, byte[]> consumer,
      ConfluentAvroDeserializer<CommandRequest> deserializer,
      TransactionalOutput output,
      Dispatcher dispatcher,
      Context context,
      Consumer<Collection<TopicPartition>> onAssigned,
      int maxInFlight,
      AtomicInteger inFlightGauge,
      CommandTimeline.PhaseRecorder phases) {
    this.consumer = consumer;
    this.deserializer = deserializer;
    this.committer = new BackgroundCommitter(output, this::wakeUp);
    this.dispatcher = dispatcher;
    this.context = context;
    this.onAssigned = onAssigned;
    this.maxInFlight = maxInFlight;
    this.inFlightGauge = inFlightGauge;
    this.phases = phases;
  }

  private volatile boolean started;
  private volatile boolean joined;
  private volatile long lastPollNanos = System.nanoTime();

  @Override
  public void run() {
    started = true;
    try {
      consumer.subscribe(List.of(Topics.COMMANDS.name()), new Rebalance());
      while (!stopping || (dispatching.get() > 0 && Instant.now().isBefore(stopDeadline))) {
        backPressure();
        try {
          consumer.poll(Duration.ofMillis(100)).forEach(this::handOver);
          lastPollNanos = System.nanoTime();
        } catch (WakeupException e) {
          // a command finished: write it now
        }
        flush();
      }
      flush(true);
      LOG.info("consumer_stopped abandoned={}", dispatching.get());
    } catch (RuntimeException e) {
      healthy = false;
      LOG.error("consumer_failed error={}", e.toString(), e);
    } finally {
      closeQuietly();
    }
  }

  /**
   * Closes the consumer and the transactional producer of a loop that never ran (the service's
   * start failed after building it); a loop that ran closes them itself when it ends.
   */
  public void discardIfNeverRun() {
    if (!started) {
      closeQuietly();
    }
  }

  /** Stops taking commands; running calls get until {@code grace} to finish. */
  public void stop(Duration grace) {
    stopDeadline = Instant.now().plus(grace);
    stopping = true;
    wakeUp();
  }

  /** False once the loop failed (Kafka unusable, producer fenced). */
  public boolean healthy() {
    return healthy;
  }

  /**
   * Ready to take commands: the loop is healthy, has joined the group (its first assignment came,
   * possibly empty when other instances hold every partition) and polled within the last {@code
   * maxPollGap}. Before the first assignment a restarted instance only looks alive.
   */
  public boolean consuming(Duration maxPollGap) {
    return healthy && joined && !closed && System.nanoTime() - lastPollNanos < maxPollGap.toNanos();
  }

  private void handOver(ConsumerRecord<String, byte[]> record) {
    CommandTimeline timeline = CommandTimeline.polled(phases, System::nanoTime);
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    tracker.polled(tp, record.offset());
    inFlightGauge.incrementAndGet();
    CommandRequest request;
    try {
      request = deserializer.deserialize(record.topic(), record.value());
      if (request == null) {
        throw new IllegalArgumentException("empty value");
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "command_unreadable partition={} offset={} error={}", tp, record.offset(), e.toString());
      timeline.handed();
      done.add(
          new Done(
              tp,
              record.offset(),
              DeadLetters.item(record, "DESERIALIZATION_FAILED", e.toString()),
              timeline));
      return;
    }
    dispatching.incrementAndGet();
    context.runOnContext(
        v ->
            dispatcher
                .dispatch(request, record.partition(), timeline)
                .onComplete(
                    ar -> {
                      dispatching.decrementAndGet();
                      if (ar.succeeded()) {
                        timeline.handed();
                        done.add(
                            new Done(tp, record.offset(), item(record, ar.result()), timeline));
                        if (!committer.committing()) {
                          wakeUp(); // else the running transaction wakes the loop when it ends
                        }
                      } else if (!(ar.cause() instanceof CommandExecutor.AbandonedException)) {
                        LOG.error(
                            "command_dispatch_failed command_id={} error={}",
                            request.getCommandId(),
                            ar.cause().toString());
                        healthy = false;
                        stopping = true;
                        wakeUp();
                      }
                    }));
  }

  private void wakeUp() {
    if (!closed) {
      consumer.wakeup();
    }
  }

  private static TransactionalOutput.Item item(
      ConsumerRecord<String, byte[]> record, DispatchOutcome outcome) {
    if (outcome.deadLetterReason() != null) {
      return DeadLetters.item(record, outcome.deadLetterReason(), outcome.deadLetterMessage());
    }
    return new TransactionalOutput.Item(
        outcome.result(), outcome.ledgerEntry(), null, null, record.partition());
  }

  /** Hands finished commands to the next transaction without waiting for a running one. */
  private void flush() {
    flush(false);
  }

  /**
   * Starts the next transaction when none is running. With {@code wait}, returns only once
   * everything finished so far is committed (revocation, shutdown).
   */
  private void flush(boolean wait) {
    do {
      Map<TopicPartition, OffsetAndMetadata> committed = committer.collect(wait);
      if (committed != null) {
        tracker.committed(committed);
      }
      if (committer.busy()) {
        return; // the next batch goes when this one has committed (we are woken then)
      }
      startCommit();
    } while (wait && committer.busy());
  }

  private void startCommit() {
    List<TransactionalOutput.Item> items = new ArrayList<>();
    List<CommandTimeline> timelines = new ArrayList<>();
    Done d;
    while ((d = done.poll()) != null) {
      if (tracker.tracks(d.tp())) {
        tracker.finished(d.tp(), d.offset());
        items.add(d.item());
        d.timeline().batched();
        timelines.add(d.timeline());
      }
      inFlightGauge.decrementAndGet();
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = tracker.committable();
    if (items.isEmpty() && offsets.isEmpty()) {
      return;
    }
    committer.start(
        items,
        offsets,
        consumer.groupMetadata(),
        () -> timelines.forEach(CommandTimeline::committed));
  }

  private void backPressure() {
    int open = tracker.open();
    if (!paused && (open >= maxInFlight || stopping)) {
      consumer.pause(consumer.assignment());
      paused = true;
      LOG.info("consumer_paused open_commands={} stopping={}", open, stopping);
    } else if (paused && !stopping && open <= maxInFlight / 2) {
      consumer.resume(consumer.assignment());
      paused = false;
      LOG.info("consumer_resumed open_commands={}", open);
    }
  }

  private void closeQuietly() {
    closed = true;
    try {
      // a static member (group.instance.id) stays in the group after close unless told to leave:
      // leave, so a stopped instance's partitions move at once, not after the session timeout
      consumer.close(
          org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10))
              .withGroupMembershipOperation(
                  org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation
                      .LEAVE_GROUP));
    } catch (RuntimeException e) {
      LOG.warn("consumer_close_failed error={}", e.toString());
    }
    committer.close();
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      try {
        flush(true);
      } finally {
        tracker.forget(partitions);
      }
      LOG.info("partitions_revoked partitions={}", partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      tracker.forget(partitions);
      LOG.warn("partitions_lost partitions={}", partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      joined = true;
      if (!partitions.isEmpty()) {
        // read these partitions' ledger entries (another instance may have written them)
        onAssigned.accept(partitions);
        if (paused) {
          consumer.pause(partitions);
        }
      }
      LOG.info("partitions_assigned partitions={}", partitions);
    }
  }
}
