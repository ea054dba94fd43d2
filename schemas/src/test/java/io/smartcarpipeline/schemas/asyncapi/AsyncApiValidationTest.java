package io.smartcarpipeline.schemas.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates {@code docs/asyncapi.yaml} with the AsyncAPI project's own parser ({@code
 * @asyncapi/parser} with its Avro schema parser, run by Node from {@code src/test/asyncapi}). CI
 * ({@code .ci/run}) installs the pinned packages with {@code npm ci}; on a machine without Node or
 * without them the test is skipped, except under {@code CI=true}, where it fails.
 */
class AsyncApiValidationTest {

  private static final Path VALIDATOR = Path.of("src/test/asyncapi");

  @BeforeAll
  static void requireNodeAndTheParser() {
    boolean ready =
        Files.isDirectory(VALIDATOR.resolve("node_modules/@asyncapi/parser")) && nodeRuns();
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(
          ready, "Node or its packages are missing: run npm ci --ignore-scripts in " + VALIDATOR);
    }
    assertThat(ready)
        .as("CI needs Node and `npm ci --ignore-scripts` in schemas/src/test/asyncapi")
        .isTrue();
  }

  @Test
  void committedDocumentIsValidAsyncApi3() throws Exception {
    Result result = validate(AsyncApiDocumentTest.COMMITTED.toAbsolutePath());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("asyncapi_valid version=3.0.0").doesNotContain("warning");
  }

  @Test
  void aBrokenAvroPayloadIsRefused(@TempDir Path dir) throws Exception {
    String broken =
        Files.readString(AsyncApiDocumentTest.COMMITTED, StandardCharsets.UTF_8)
            .replaceFirst("type: long", "type: no-such-avro-type");
    Path file = dir.resolve("asyncapi.yaml");
    Files.writeString(file, broken, StandardCharsets.UTF_8);

    Result result = validate(file);

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("asyncapi_invalid");
  }

  private static Result validate(Path document) throws IOException, InterruptedException {
    Process node =
        new ProcessBuilder("node", "validate.mjs", document.toString())
            .directory(VALIDATOR.toFile())
            .redirectErrorStream(true)
            .start();
    if (!node.waitFor(60, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("the AsyncAPI parser did not finish in 60 s");
    }
    return new Result(
        node.exitValue(), new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static boolean nodeRuns() {
    try {
      return new ProcessBuilder("node", "--version").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private record Result(int exitCode, String output) {}
}
