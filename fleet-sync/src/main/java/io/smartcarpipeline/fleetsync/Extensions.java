package io.smartcarpipeline.fleetsync;

import io.smartcarpipeline.fleetsync.gapfill.GapFillConfig;
import io.smartcarpipeline.fleetsync.gapfill.GapFiller;
import io.smartcarpipeline.support.config.Settings;
import java.util.List;

/** The extensions fleet-sync starts by default. */
final class Extensions {

  private Extensions() {}

  /** Gap-filling ({@code io.smartcarpipeline.fleetsync.gapfill}), with its settings. */
  static List<FleetSyncExtension> builtIn(Settings settings) {
    return List.of(new GapFiller(GapFillConfig.from(settings)));
  }
}
