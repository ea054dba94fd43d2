package io.smartcarpipeline.processors.topology;

/** Names of the state stores; the query API reads all but the first two by these names. */
public final class StoreNames {

  /** eventId → first time seen (window store, bounded by the dedup retention). */
  public static final String EVENT_IDS = "event-ids";

  /** vehicle id → {@code VehicleState}. */
  public static final String VEHICLE_STATE = "vehicle-state";

  /**
   * vehicle id → where its latest data came from ({@code WEBHOOK} or {@code API_READ}, a string),
   * written with the vehicle state.
   */
  public static final String DATA_SOURCES = "data-sources";

  /**
   * vehicle id → {@code VehicleConnection}: a global store (every instance holds all of it) read
   * straight from the compacted {@code smartcar.connections.v1}; no changelog.
   */
  public static final String CONNECTIONS = "vehicle-connections";

  /** vehicle id → charging tracker (binary, {@link ChargingTrackerSerde}). */
  public static final String CHARGING_TRACKERS = "charging-trackers";

  /** {@code vehicleId|startedAt} → newest record of that session. */
  public static final String CHARGING_HISTORY = "charging-history";

  /**
   * vehicle id → {@code SocSeries}: recent SoC points for the fleet page chart (binary, {@link
   * SocSeriesSerde}).
   */
  public static final String SOC_HISTORY = "soc-history";

  /** {@code vehicleId|completedAt|commandId} → {@code CommandResult}, newest few per vehicle. */
  public static final String RECENT_COMMANDS = "recent-commands";

  /**
   * {@code vehicleId|commandId} → a command awaiting the car's evidence (JSON, {@code
   * PendingConfirmation}).
   */
  public static final String PENDING_CONFIRMATIONS = "pending-confirmations";

  /** commandId → when it was decided (window store, bounded by the dedup retention). */
  public static final String DECIDED_COMMANDS = "decided-commands";

  /**
   * {@code vehicleId|completedAt|commandId} → {@code CommandConfirmation}, newest few per vehicle,
   * keyed like {@link #RECENT_COMMANDS} so the query API joins them.
   */
  public static final String COMMAND_CONFIRMATIONS = "command-confirmations";

  private StoreNames() {}

  /** Recent-commands key: sorts a vehicle's results by completion time. */
  public static String commandKey(String vehicleId, long completedAtMillis, String commandId) {
    return historyPrefix(vehicleId) + String.format("%015d", completedAtMillis) + "|" + commandId;
  }

  /** History key: sorts a vehicle's sessions by start time. */
  public static String historyKey(String vehicleId, long startedAtMillis) {
    return historyPrefix(vehicleId) + String.format("%015d", startedAtMillis);
  }

  /** The prefix of every history and recent-commands key of a vehicle. */
  public static String historyPrefix(String vehicleId) {
    return vehicleId + "|";
  }
}
