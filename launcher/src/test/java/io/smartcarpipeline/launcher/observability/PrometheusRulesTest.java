package io.smartcarpipeline.launcher.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules as Prometheus reads them: {@code promtool check rules} (syntax, PromQL, labels)
 * and {@code promtool test rules} (each alert fires on the series that should fire it and stays
 * quiet otherwise). Needs {@code promtool} (Debian package {@code prometheus}, installed by {@code
 * .ci/run}); without it the test is skipped on a developer machine and fails in CI ({@code CI}
 * set).
 */
class PrometheusRulesTest {

  private static String promtool;

  @BeforeAll
  static void findPromtool() {
    promtool = Promtool.find();
    if (promtool == null && System.getenv("CI") != null) {
      throw new AssertionError(
          "promtool is not installed but CI is set: install Debian's prometheus package"
              + " (.ci/run does) so the alert rules are checked");
    }
    assumeThat(promtool)
        .as(
            "promtool not found on the PATH: install the prometheus package (apt-get install"
                + " prometheus) to check the alert rules")
        .isNotNull();
  }

  @Test
  void everyRuleFileIsValidForPrometheus() throws Exception {
    List<Path> files = ObservabilityFiles.ruleFiles();
    assertThat(files).as("rule files under deploy/observability/prometheus").isNotEmpty();
    List<String> command = new ArrayList<>(List.of(promtool, "check", "rules"));
    files.forEach(f -> command.add(f.toString()));
    Result r = run(command);
    assertThat(r.exit).as("promtool check rules said:\n" + r.output).isZero();
    assertThat(r.output).contains("SUCCESS");
  }

  @Test
  void everyAlertFiresOnTheSeriesItWatchesAndOnlyThen() throws Exception {
    List<Path> tests = ObservabilityFiles.ruleTestFiles();
    assertThat(tests).as("promtool rule tests").isNotEmpty();
    List<String> command = new ArrayList<>(List.of(promtool, "test", "rules"));
    tests.forEach(f -> command.add(f.toString()));
    Result r = run(command);
    assertThat(r.exit).as("promtool test rules said:\n" + r.output).isZero();
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .directory(ObservabilityFiles.ROOT.resolve("prometheus").toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("promtool did not finish within 60 s: " + command);
    }
    return new Result(p.exitValue(), output);
  }

  /** {@code promtool} on the PATH, or null. */
  static final class Promtool {
    private Promtool() {}

    static String find() {
      String path = System.getenv().getOrDefault("PATH", "");
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, "promtool");
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
      return null;
    }
  }
}
