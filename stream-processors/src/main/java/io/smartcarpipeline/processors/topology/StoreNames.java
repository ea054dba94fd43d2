package io.smartcarpipeline.processors.topology;

/** Names of the state stores; the query API reads the last three by these names. */
public final class StoreNames {

  /** eventId → first time seen (window store, bounded by the dedup retention). */
  public static final String EVENT_IDS = "event-ids";

  /** vehicle id → {@code VehicleState}. */
  public static final String VEHICLE_STATE = "vehicle-state";

  /** vehicle id → charging tracker (JSON). */
  public static final String CHARGING_TRACKERS = "charging-trackers";

  /** {@code vehicleId|startedAt} → newest record of that session. */
  public static final String CHARGING_HISTORY = "charging-history";

  private StoreNames() {}

  /** History key: sorts a vehicle's sessions by start time. */
  public static String historyKey(String vehicleId, long startedAtMillis) {
    return historyPrefix(vehicleId) + String.format("%015d", startedAtMillis);
  }

  /** The prefix of every history key of a vehicle. */
  public static String historyPrefix(String vehicleId) {
    return vehicleId + "|";
  }
}
