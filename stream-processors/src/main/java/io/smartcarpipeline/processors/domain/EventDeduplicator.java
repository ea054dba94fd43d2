package io.smartcarpipeline.processors.domain;

/**
 * Decides whether an event is new or a redelivery. Smartcar delivers at least once and keeps the
 * {@code eventId} across retries (docs/smartcar-v3.md §2.5), so the first occurrence of an id
 * within the retention passes and every later one is dropped. An event without an id cannot be
 * matched and always passes: dropping it would lose data.
 */
public final class EventDeduplicator {

  /** Where ids seen within the retention are remembered (a window store in the topology). */
  public interface SeenEvents {
    /** Whether {@code eventId} was remembered within the retention around {@code at}. */
    boolean contains(String eventId, long at);

    /** Remembers {@code eventId} at {@code at}. */
    void remember(String eventId, long at);
  }

  private final SeenEvents seen;

  public EventDeduplicator(SeenEvents seen) {
    this.seen = seen;
  }

  /** True if the event is new (and remembers it); false for a duplicate. */
  public boolean firstSighting(String eventId, long at) {
    if (eventId == null || eventId.isBlank()) {
      return true;
    }
    if (seen.contains(eventId, at)) {
      return false;
    }
    seen.remember(eventId, at);
    return true;
  }
}
