package io.smartcarpipeline.support.kafka;

import io.smartcarpipeline.schemas.TopicSpec;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics at service start when they are missing, with the partitions and
 * configs of the {@code Topics} registry. Idempotent: topics that exist are left as they are.
 */
public final class TopicCreator {

  private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

  private TopicCreator() {}

  /**
   * Ensures every topic exists.
   *
   * @param partitionsOverride when positive, used instead of each spec's partition count
   */
  public static void ensureTopics(
      Admin admin,
      Collection<? extends TopicSpec<?>> topics,
      int replicationFactor,
      int partitionsOverride,
      Duration timeout) {
    try {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing =
          topics.stream()
              .filter(t -> !existing.contains(t.name()))
              .map(
                  t ->
                      new NewTopic(
                              t.name(),
                              partitionsOverride > 0 ? partitionsOverride : t.partitions(),
                              (short) replicationFactor)
                          .configs(t.config()))
              .toList();
      if (missing.isEmpty()) {
        return;
      }
      admin.createTopics(missing).values().forEach((name, f) -> await(name, f, timeout));
      awaitLeaders(admin, missing.stream().map(NewTopic::name).toList(), timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw KafkaFailures.explain(e, "list or create topics", timeout);
    }
  }

  /** Ensures every topic exists, created the same way by every service ({@link TopicSettings}). */
  public static void ensureTopics(
      Admin admin,
      Collection<? extends TopicSpec<?>> topics,
      TopicSettings settings,
      Duration timeout) {
    ensureTopics(
        admin, topics, settings.replicationFactor(), settings.partitionsOverride(), timeout);
  }

  /** Ensures every topic exists with the registry's partition counts. */
  public static void ensureTopics(
      Admin admin,
      Collection<? extends TopicSpec<?>> topics,
      int replicationFactor,
      Duration timeout) {
    ensureTopics(admin, topics, replicationFactor, 0, timeout);
  }

  /**
   * Waits until every partition of the new topics has a leader, so a producer that starts right
   * after does not meet NOT_LEADER answers (which an idempotent producer with several batches in
   * flight can turn into sequence errors).
   */
  private static void awaitLeaders(Admin admin, List<String> names, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (haveLeaders(admin, names, timeout)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("partitions of " + names + " have no leader after " + timeout);
      }
      Thread.sleep(50);
    }
  }

  /**
   * One look at the new topics' partitions. Right after creation the controller knows a topic
   * before the broker answering metadata does, so "unknown topic" (and any other retriable error)
   * means "not yet", not failure.
   */
  private static boolean haveLeaders(Admin admin, List<String> names, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return admin
          .describeTopics(names)
          .allTopicNames()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .values()
          .stream()
          .flatMap(d -> d.partitions().stream())
          .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RetriableException) {
        return false;
      }
      throw e;
    }
  }

  private static void await(
      String name, org.apache.kafka.common.KafkaFuture<Void> future, Duration timeout) {
    try {
      future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("topic_created topic={}", name);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Could not create topic " + name + ": " + e.getCause(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + name, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Timed out creating topic " + name, e);
    }
  }
}
