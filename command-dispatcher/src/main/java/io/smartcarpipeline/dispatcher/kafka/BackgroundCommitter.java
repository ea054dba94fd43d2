package io.smartcarpipeline.dispatcher.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs the transactions of {@link TransactionalOutput} on a thread of their own, one at a time, so
 * the consumer thread keeps polling and handing out commands while a batch commits (a commit is
 * several broker round trips). Rule: at most one transaction runs at a time, and the offsets of a
 * transaction are reported to the caller only once it has committed; a failed commit is rethrown to
 * the caller. Used from the consumer thread only.
 */
final class BackgroundCommitter implements AutoCloseable {

  private final TransactionWriter output;
  private final Runnable onDone;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "dispatcher-committer");
            t.setDaemon(true);
            return t;
          });
  private CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> running;
  private volatile boolean committing;

  /**
   * @param output the transactional writer
   * @param onDone called (on the committer thread) when a transaction ends, committed or not
   */
  BackgroundCommitter(TransactionWriter output, Runnable onDone) {
    this.output = output;
    this.onDone = onDone;
  }

  /** Whether a transaction is still running. */
  boolean busy() {
    return running != null && !running.isDone();
  }

  /**
   * Whether a transaction was started and has not ended yet; any thread may ask. When it is true,
   * {@code onDone} is still to come, so whoever hands over work meanwhile need not wake the caller:
   * it is cleared before {@code onDone} runs.
   */
  boolean committing() {
    return committing;
  }

  /**
   * The offsets of the last transaction once it committed (waiting for it when {@code wait}), or
   * null when none is to be collected (none started, or still running and not waited for). Rethrows
   * the failure of a transaction that did not commit.
   */
  Map<TopicPartition, OffsetAndMetadata> collect(boolean wait) {
    if (running == null || (!wait && !running.isDone())) {
      return null;
    }
    CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> done = running;
    running = null;
    try {
      return done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Starts writing the items and offsets in one transaction; only when not {@link #busy()}. {@code
   * committed} runs on the committer thread right after the commit, before the caller is woken.
   */
  void start(
      List<TransactionalOutput.Item> items,
      Map<TopicPartition, OffsetAndMetadata> offsets,
      ConsumerGroupMetadata group,
      Runnable committed) {
    if (running != null) {
      throw new IllegalStateException("a transaction is still to be collected");
    }
    committing = true;
    running =
        CompletableFuture.supplyAsync(
            () -> {
              output.commit(items, offsets, group);
              committed.run();
              return offsets;
            },
            thread);
    running.whenComplete(
        (offsetsCommitted, error) -> {
          committing = false;
          onDone.run();
        });
  }

  @Override
  public void close() {
    thread.shutdown();
    output.close();
  }
}
