package io.smartcarpipeline.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoHistoryTest {

  private static final Instant NOW = Instant.parse("2026-11-23T19:00:00Z");

  @Test
  void firstRunUsesTheConfiguredSeedAndTheProposedStart(@TempDir Path dir) {
    DemoHistory history = DemoHistory.load(dir);

    assertThat(history.seedOfNextRun(42)).isEqualTo(42);
    assertThat(history.startOfNextRun(NOW)).isEqualTo(NOW);
  }

  @Test
  void resumedRunGetsNewEventIdsAndContinuesAfterTheLastSimulatedTime(@TempDir Path dir) {
    Instant lastEnd = NOW.plusSeconds(3600);
    DemoHistory.load(dir).save(lastEnd);

    DemoHistory resumed = DemoHistory.load(dir);

    assertThat(resumed.seedOfNextRun(42)).isEqualTo(43);
    assertThat(resumed.startOfNextRun(NOW)).isEqualTo(lastEnd.plusSeconds(60));
    assertThat(resumed.startOfNextRun(lastEnd.plusSeconds(7200)))
        .isEqualTo(lastEnd.plusSeconds(7200));
  }
}
