package io.smartcarpipeline.fleetsync.sync;

import java.time.Instant;
import java.util.Map;

/**
 * What one sync run did. A run whose connection listing failed changes nothing (a vehicle is never
 * marked DISCONNECTED on an incomplete list) and says why in {@code error}.
 *
 * @param trigger what started it: {@code start}, {@code schedule} or {@code request}
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param listed connections Smartcar listed
 * @param connected vehicles newly connected (or connected again)
 * @param updated known vehicles whose listed attributes changed
 * @param disconnected vehicles marked DISCONNECTED
 * @param subscribed subscriptions created (including 409 "already subscribed")
 * @param unsubscribed subscriptions removed (including 404 "not subscribed")
 * @param subscriptionFailures subscribe or unsubscribe calls that failed
 * @param byStatus known vehicles by connection status after the run
 * @param error why the run failed, or null
 */
public record SyncReport(
    String trigger,
    Instant startedAt,
    Instant finishedAt,
    int listed,
    int connected,
    int updated,
    int disconnected,
    int subscribed,
    int unsubscribed,
    int subscriptionFailures,
    Map<String, Integer> byStatus,
    String error) {

  public SyncReport {
    byStatus = Map.copyOf(byStatus);
  }

  /** Whether the run completed. */
  public boolean ok() {
    return error == null;
  }
}
