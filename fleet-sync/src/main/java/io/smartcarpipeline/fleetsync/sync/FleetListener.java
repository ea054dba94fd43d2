package io.smartcarpipeline.fleetsync.sync;

import io.smartcarpipeline.events.VehicleConnection;

/**
 * What other parts of fleet-sync (gap-filling) hear about the fleet. Called on fleet-sync's Vert.x
 * context after the records concerned were handed to the producer; implementations must not block
 * (start asynchronous work and return). A listener that throws is logged and does not stop the sync
 * or the other listeners.
 */
public interface FleetListener {

  /**
   * A vehicle is newly connected: listed by Smartcar for the first time, or again after it was
   * DISCONNECTED. Also called, once per start, for nothing else: restored records are not new.
   */
  default void vehicleConnected(VehicleConnection connection) {}

  /** A vehicle Smartcar no longer lists was marked DISCONNECTED. */
  default void vehicleDisconnected(VehicleConnection connection) {}

  /** A sync run ended (successfully or not); {@code fleet} answers for every known vehicle. */
  default void syncCompleted(SyncReport report, FleetView fleet) {}
}
