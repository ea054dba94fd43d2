package io.smartcarpipeline.fleetsync.sync;

import io.smartcarpipeline.events.VehicleConnection;
import io.vertx.core.Future;
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
 * and published, an unchanged one is not published again. Restored from the topic at start. Not
 * thread-safe: fleet-sync's Vert.x context only.
 */
public final class ConnectionBook implements FleetView {

  private final Map<String, VehicleConnection> records;
  private final Function<VehicleConnection, Future<Void>> publish;

  /**
   * @param restored the records read back from the topic
   * @param publish writes a record to the topic; completes when acknowledged
   */
  public ConnectionBook(
      Map<String, VehicleConnection> restored, Function<VehicleConnection, Future<Void>> publish) {
    this.records = new HashMap<>(restored);
    this.publish = publish;
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

  /** Keeps and publishes {@code record} if it differs from the one held; else does nothing. */
  public Future<Void> put(VehicleConnection record) {
    Objects.requireNonNull(record.getVehicleId(), "vehicleId");
    if (record.equals(records.get(record.getVehicleId()))) {
      return Future.succeededFuture();
    }
    records.put(record.getVehicleId(), record);
    return publish.apply(record);
  }

  /** How many records there are. */
  public int size() {
    return records.size();
  }
}
