package io.smartcarpipeline.fleetsync.sync;

import io.smartcarpipeline.events.VehicleConnection;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The newest connection record of every vehicle fleet-sync knows (restored from {@code
 * smartcar.connections.v1} at start, then kept up to date). Use from fleet-sync's Vert.x context
 * only.
 */
public interface FleetView {

  /** The vehicle's record, if fleet-sync knows it. */
  Optional<VehicleConnection> get(String vehicleId);

  /** Every known record, connected or not. */
  Collection<VehicleConnection> all();

  /**
   * Changes a known vehicle's record and publishes it if it changed (e.g. gap-filling setting
   * {@code lastDataSource} and {@code lastReadAt}); a vehicle fleet-sync does not know is ignored.
   *
   * @return the record now current, if the vehicle is known
   */
  Optional<VehicleConnection> update(String vehicleId, UnaryOperator<VehicleConnection> change);
}
