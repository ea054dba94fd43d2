package io.smartcarpipeline.launcher.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What a resumed demo needs from the runs before it, kept in the data directory: how many runs
 * there were (each run's fleet uses its own seed, so its event ids are new and not dropped as
 * duplicates of the previous run's) and where the fleet's simulated clock stopped (so a resumed
 * fleet continues after it, and source-time ordering does not ignore its data as old).
 */
record DemoHistory(Path file, int runs, Optional<Instant> lastSimulatedTime) {

  static DemoHistory load(Path dataDir) {
    Path file = dataDir.resolve("demo-history.properties");
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file)) {
        p.load(r);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return new DemoHistory(
        file,
        Integer.parseInt(p.getProperty("runs", "0")),
        Optional.ofNullable(p.getProperty("lastSimulatedTime")).map(Instant::parse));
  }

  /** The fleet seed of the next run: the configured one first, then one more per run. */
  long seedOfNextRun(long configured) {
    return configured + runs;
  }

  /** Where the next run's simulated clock starts: {@code proposed}, or after the last run's end. */
  Instant startOfNextRun(Instant proposed) {
    return lastSimulatedTime
        .map(last -> last.plusSeconds(60))
        .filter(after -> after.isAfter(proposed))
        .orElse(proposed);
  }

  /** Records a finished run. */
  void save(Instant simulatedEnd) {
    Properties p = new Properties();
    p.setProperty("runs", String.valueOf(runs + 1));
    p.setProperty("lastSimulatedTime", simulatedEnd.toString());
    try {
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(file)) {
        p.store(w, "smartcar-pipeline demo: runs so far and where the fleet's clock stopped");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
