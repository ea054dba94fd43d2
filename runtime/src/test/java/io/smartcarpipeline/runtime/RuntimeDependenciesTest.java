package io.smartcarpipeline.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime's resolved dependencies (compile and runtime scope, i.e. what the shaded jar is made
 * of, listed by maven-dependency-plugin into {@code target/runtime-dependencies.txt}) hold the
 * three services and nothing forbidden.
 */
class RuntimeDependenciesTest {

  private static final Path LIST =
      Path.of(System.getProperty("basedir", ".")).resolve("target/runtime-dependencies.txt");

  @Test
  void theJarsDependenciesAreTheServicesAndNothingForbidden() throws IOException {
    List<String> coordinates =
        Files.readAllLines(LIST).stream()
            .map(String::trim)
            .filter(l -> l.matches("[\\w.\\-]+:[\\w.\\-]+:.*"))
            .toList();

    assertThat(coordinates)
        .anyMatch(c -> c.startsWith("io.smartcarpipeline:ingest-gateway:"))
        .anyMatch(c -> c.startsWith("io.smartcarpipeline:stream-processors:"))
        .anyMatch(c -> c.startsWith("io.smartcarpipeline:command-dispatcher:"))
        .anyMatch(c -> c.startsWith("org.apache.kafka:kafka-streams:"));
    assertThat(ForbiddenContent.forbiddenArtifacts(coordinates)).isEmpty();
  }
}
