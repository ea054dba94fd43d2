package io.smartcarpipeline.schemas;

import java.util.List;
import java.util.Objects;

/**
 * What a topic means to the teams that read it: the words the AsyncAPI document ({@code
 * docs/asyncapi.yaml}) publishes for the topic, next to the facts {@link TopicSpec} already holds
 * (name, writer, partitions, compaction, retention). Kept in the {@code Topics} registry so that
 * the document is generated and cannot drift.
 *
 * @param summary one sentence: what one record is
 * @param readers who reads the topic (our services by module name, and the kinds of outside users)
 * @param ordering what order a reader can rely on
 * @param delivery how often a fact appears on the topic (once, at least once, the newest per key)
 */
public record TopicDoc(String summary, List<String> readers, String ordering, String delivery) {

  public TopicDoc {
    requireText(summary, "summary");
    requireText(ordering, "ordering");
    requireText(delivery, "delivery");
    readers = List.copyOf(readers);
    if (readers.isEmpty()) {
      throw new IllegalArgumentException(
          "a topic without readers needs no description: " + summary);
    }
  }

  private static void requireText(String value, String what) {
    if (Objects.requireNonNull(value, what).isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
