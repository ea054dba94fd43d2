package io.smartcarpipeline.dispatcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** One transaction at a time on the committer thread, and who is told when it ends. */
class BackgroundCommitterTest {

  private static final Map<TopicPartition, OffsetAndMetadata> OFFSETS =
      Map.of(new TopicPartition("commands", 0), new OffsetAndMetadata(7));
  private static final ConsumerGroupMetadata GROUP = new ConsumerGroupMetadata("g");

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private final List<String> events = new CopyOnWriteArrayList<>();
  private volatile RuntimeException failure;

  private final TransactionWriter writer =
      new TransactionWriter() {
        @Override
        public void commit(
            List<TransactionalOutput.Item> items,
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata group) {
          await(release);
          if (failure != null) {
            throw failure;
          }
          events.add("commit");
        }

        @Override
        public void close() {}
      };

  private BackgroundCommitter committer;

  private BackgroundCommitter committer() {
    committer =
        new BackgroundCommitter(
            writer,
            () -> {
              events.add("done committing=" + committer.committing());
              ended.countDown();
            });
    return committer;
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldSayItIsCommittingUntilTheTransactionEndsAndClearItBeforeWakingTheCaller() {
    BackgroundCommitter c = committer();

    c.start(List.of(), OFFSETS, GROUP, () -> events.add("committed callback"));

    assertThat(c.committing()).isTrue();
    assertThat(c.busy()).isTrue();
    release.countDown();
    await(ended);
    assertThat(events).containsExactly("commit", "committed callback", "done committing=false");
    assertThat(c.committing()).isFalse();
    assertThat(c.collect(true)).isEqualTo(OFFSETS);
  }

  @Test
  void shouldClearCommittingAndRethrowWhenTheTransactionFailed() {
    BackgroundCommitter c = committer();
    failure = new IllegalStateException("fenced");

    c.start(List.of(), OFFSETS, GROUP, () -> events.add("committed callback"));
    release.countDown();
    await(ended);

    assertThat(events).containsExactly("done committing=false"); // no commit, no phase timing
    assertThatThrownBy(() -> c.collect(true)).hasMessage("fenced");
  }

  @Test
  void shouldNotBeCommittingBeforeAnyTransaction() {
    assertThat(committer().committing()).isFalse();
  }
}
