package io.smartcarpipeline.smartcar.fleet;

import java.util.List;

/**
 * One page of a JSON:API list.
 *
 * @param items what could be read from {@code data}
 * @param unreadable items of {@code data} that were skipped (no id to act on)
 * @param hasNext whether {@code links.next} names a further page
 * @param totalCount {@code meta.totalCount}, when given
 * @param <T> item type
 */
public record Page<T>(List<T> items, int unreadable, boolean hasNext, Integer totalCount) {

  public Page {
    items = List.copyOf(items);
  }

  /** Whether to ask for the page after this one, having read {@code seenSoFar} items. */
  public boolean more(int seenSoFar) {
    if (!hasNext || items.isEmpty() && unreadable == 0) {
      return false;
    }
    return totalCount == null || seenSoFar < totalCount;
  }
}
