package io.smartcarpipeline.fleetsync;

import io.smartcarpipeline.fleetsync.sync.FleetListener;
import io.smartcarpipeline.support.service.Lifecycle;

/**
 * A part of fleet-sync built on the shared parts (gap-filling, in package {@code
 * io.smartcarpipeline.fleetsync.gapfill}): started after the shared parts and before the first
 * sync, stopped before them. It hears about the fleet through the listener it returns.
 */
@FunctionalInterface
public interface FleetSyncExtension {

  /**
   * Starts the extension; what it starts must be handed to {@code lifecycle} so that it stops with
   * the service (or when the start fails).
   *
   * @return the listener told of connections, disconnections and sync results
   */
  FleetListener start(FleetSyncParts parts, Lifecycle lifecycle);
}
