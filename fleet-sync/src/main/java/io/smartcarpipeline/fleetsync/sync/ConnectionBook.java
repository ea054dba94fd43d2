package io.smartcarpipeline.fleetsync.sync;

import io.smartcarpipeline.events.VehicleConnection;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The newest connection record per vehicle, and the one way to change it: a changed record is kept
 * and published, an unchanged one is not published again. Rule against churn on the compacted
 * topic: a record whose only change is {@code lastSyncedAt} (every sync sets it) is kept but not
 * published, unless the published one's sync time is older than {@code heartbeat}; so the topic's
 * {@code lastSyncedAt} lags by less than the heartbeat. A record the broker did not acknowledge is
 * published again by the next change or sync. Restored from the topic at start. Not thread-safe:
 * fleet-sync's Vert.x context only.
 */
public final class ConnectionBook implements FleetView {

  private final Map<String, VehicleConnection> records;
  private final Map<String, VehicleConnection> published;
  private final Function<VehicleConnection, Future<Void>> publish;
  private final Duration heartbeat;

  /**
   * @param restored the records read back from the topic
   * @param publish writes a record to the topic; completes when acknowledged
   * @param heartbeat how old the published sync time may get before a record that changed nothing
   *     else is published again
   */
  public ConnectionBook(
      Map<String, VehicleConnection> restored,
      Function<VehicleConnection, Future<Void>> publish,
      Duration heartbeat) {
    this.records = new HashMap<>(restored);
    this.published = new HashMap<>(restored);
    this.publish = publish;
    this.heartbeat = heartbeat;
  }

  @Override
  public Optional<VehicleConnection> get(String vehicleId) {
    return Optional.ofNullable(records.get(vehicleId));
  }

  @Override
  public Collection<VehicleConnection> all() {
    return Collections.unmodifiableCollection(records.values());
  }

  @Override
  public Optional<VehicleConnection> update(
      String vehicleId, UnaryOperator<VehicleConnection> change) {
    VehicleConnection current = records.get(vehicleId);
    if (current == null) {
      return Optional.empty();
    }
    VehicleConnection next = change.apply(VehicleConnection.newBuilder(current).build());
    put(next);
    return Optional.of(records.get(vehicleId));
  }

  /**
   * Keeps {@code record} if it differs from the one held, and publishes it when {@link
   * #worthPublishing} says so; else does nothing.
   */
  public Future<Void> put(VehicleConnection record) {
    String id = Objects.requireNonNull(record.getVehicleId(), "vehicleId");
    if (record.equals(records.get(id))) {
      return Future.succeededFuture();
    }
    records.put(id, record);
    if (!worthPublishing(published.get(id), record, heartbeat)) {
      return Future.succeededFuture();
    }
    published.put(id, record);
    return publish
        .apply(record)
        .onFailure(
            e -> {
              if (published.get(id) == record) {
                published.remove(id); // not on the topic: the next put publishes again
              }
            });
  }

  /**
   * Whether {@code next} must go to the topic, given the record last published: anything but {@code
   * lastSyncedAt} changed, or the published sync time is {@code heartbeat} old.
   */
  static boolean worthPublishing(
      VehicleConnection published, VehicleConnection next, Duration heartbeat) {
    if (published == null) {
      return true;
    }
    Instant was = published.getLastSyncedAt();
    Instant now = next.getLastSyncedAt();
    VehicleConnection sameSyncTime =
        VehicleConnection.newBuilder(next).setLastSyncedAt(was).build();
    if (!sameSyncTime.equals(published)) {
      return true;
    }
    if (was == null || now == null) {
      return now != null;
    }
    return !now.isBefore(was.plus(heartbeat));
  }

  /** How many records there are. */
  public int size() {
    return records.size();
  }
}
