package io.smartcarpipeline.smartcar.fleet;

import java.util.List;

/**
 * Every page of a list, read to its end, or what stopped it.
 *
 * @param items every readable item of every page read
 * @param unreadable items skipped because they named no vehicle
 * @param pages pages read
 * @param failure the answer that stopped the listing, or null when it is complete
 * @param <T> item type
 */
public record Listing<T>(List<T> items, int unreadable, int pages, SmartcarAnswer failure) {

  public Listing {
    items = List.copyOf(items);
  }

  /** Whether every page was read: only then may a missing item be taken as "not listed". */
  public boolean complete() {
    return failure == null;
  }
}
