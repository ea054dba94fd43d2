package io.smartcarpipeline.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real Smartcar webhook bodies in {@code <repo>/../shared/fixtures/smartcar-webhooks} (CI
 * clones the repository with {@code shared/} beside it). Surefire runs with the module directory as
 * the working directory, so the folder is {@code ../../shared/...} from there.
 */
public final class Fixtures {

  /** Every VEHICLE_STATE / VEHICLE_ERROR fixture. */
  public static final List<String> VEHICLE_EVENTS =
      List.of(
          "byd_seal_all.json",
          "jaguar_ipace_all.json",
          "vw_id_4_all.json",
          "vw_id_4_error.json",
          "vw_id_4_fuel.json",
          "vw_id_4_irrelevant_auth_error.json",
          "vw_id_4_test_mode.json");

  public static final String VERIFY = "vw_id_4_verify.json";

  private Fixtures() {}

  public static Path dir() {
    Path dir =
        Path.of("").toAbsolutePath().resolve("../../shared/fixtures/smartcar-webhooks").normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "Smartcar webhook fixtures not found at "
              + dir
              + ": clone the repository with shared/ beside it (<repo>/../shared/fixtures/smartcar-webhooks)");
    }
    return dir;
  }

  /** The exact bytes of a fixture. */
  public static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(dir().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + name, e);
    }
  }

  /** Every JSON fixture in the folder, so a new file cannot be forgotten by the tests. */
  public static List<String> allJson() {
    try (Stream<Path> files = Files.list(dir())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
