package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.history.SocSeries;
import java.util.List;
import java.util.Map;
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

  /** Every vehicle state hosted here, by vehicle id. */
  List<VehicleState> states();

  /** Every session record kept here (newest per session, a bounded number per vehicle). */
  List<ChargingSession> allSessions();

  /** Newest command results first, of one vehicle or (vehicleId null) of all hosted here. */
  List<CommandResult> recentCommands(String vehicleId, int limit);

  /**
   * The kept confirmations by commandId, of one vehicle or (vehicleId null) of all hosted here. A
   * command's confirmation lives with its result (same vehicle, same instance).
   */
  Map<String, CommandConfirmation> confirmations(String vehicleId);

  /** The vehicle's recent SoC points, oldest first (empty if none). */
  List<SocSeries.Point> socHistory(String vehicleId);

  /**
   * fleet-sync's connection record of the vehicle (any vehicle: the store is global), if any; empty
   * means unknown.
   */
  default Optional<VehicleConnection> connection(String vehicleId) {
    return Optional.empty();
  }

  /**
   * Where the latest data of a vehicle hosted here came from ({@code WEBHOOK} or {@code API_READ});
   * empty when not known (no value yet, or state folded before this was recorded).
   */
  default Optional<String> dataSource(String vehicleId) {
    return Optional.empty();
  }

  /** {@code host:port} of another instance that hosts the vehicle, if it is not this one. */
  Optional<String> remoteOwner(String vehicleId);

  /**
   * {@code host:port} of every other instance of this application that hosts stores, sorted; empty
   * when this instance is alone.
   */
  List<String> peers();

  /** The stores cannot be queried at the moment. */
  final class NotReadyException extends RuntimeException {
    public NotReadyException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
