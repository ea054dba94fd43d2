package io.smartcarpipeline.fleetsync;

import java.util.List;

/** The extensions fleet-sync starts by default. */
final class Extensions {

  private Extensions() {}

  /** Gap-filling ({@code io.smartcarpipeline.fleetsync.gapfill}) adds itself here. */
  static List<FleetSyncExtension> builtIn() {
    return List.of();
  }
}
