package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.VehicleState;
import java.util.List;
import java.util.Optional;

/**
 * What the query API reads. Calls may block (RocksDB reads), so the HTTP layer runs them off the
 * event loop. A store that is not queryable right now (starting, rebalancing) throws {@link
 * NotReadyException}.
 */
public interface VehicleReadModel {

  /** The state of a vehicle hosted here, if any. */
  Optional<VehicleState> state(String vehicleId);

  /** Vehicle ids hosted here, sorted, after {@code after} (exclusive, may be null). */
  List<String> vehicleIds(String after, int limit);

  /** The vehicle's newest sessions first. */
  List<ChargingSession> sessions(String vehicleId, int limit);

  /** {@code host:port} of another instance that hosts the vehicle, if it is not this one. */
  Optional<String> remoteOwner(String vehicleId);

  /** The stores cannot be queried at the moment. */
  final class NotReadyException extends RuntimeException {
    public NotReadyException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
