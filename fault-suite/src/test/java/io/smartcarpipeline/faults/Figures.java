package io.smartcarpipeline.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one fault scenario measured, printed as one {@code fault_figures scenario=... key=value}
 * line and appended to {@code target/fault-figures.txt} (emptied once per test JVM), the source of
 * docs/failure-model.md.
 */
final class Figures {

  private static final Path FILE = Path.of("target", "fault-figures.txt");

  static {
    try {
      Files.deleteIfExists(FILE); // one run's figures, not an accumulation
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final String scenario;
  private final Map<String, Object> values = new LinkedHashMap<>();

  Figures(String scenario) {
    this.scenario = scenario;
  }

  Figures put(String key, Object value) {
    values.put(key, value);
    return this;
  }

  Figures seconds(String key, Duration d) {
    return put(key, String.format("%.2fs", d.toMillis() / 1000.0));
  }

  /** Prints the line and appends it to the figures file. */
  void report() {
    String line =
        "fault_figures scenario="
            + scenario
            + " "
            + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    System.out.println(line);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
