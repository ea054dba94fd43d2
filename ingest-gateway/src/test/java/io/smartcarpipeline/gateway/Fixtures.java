package io.smartcarpipeline.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Smartcar webhook bodies of the {@code webhook-fixtures} module, read from the test
 * classpath under {@code smartcar-webhooks/} (their origin, licence and what each file is: the
 * README.md beside them). Works from any working directory, whether the module is on the classpath
 * as a folder or as a jar.
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

  private static final String FOLDER = "smartcar-webhooks/";

  private Fixtures() {}

  /** The exact bytes of a fixture. */
  public static byte[] bytes(String name) {
    try (InputStream in = classLoader().getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no fixture " + FOLDER + name + " on the test classpath (module webhook-fixtures)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + name, e);
    }
  }

  /** Every JSON fixture in the folder, so a new file cannot be forgotten by the tests. */
  public static List<String> allJson() {
    URL folder = classLoader().getResource(FOLDER);
    if (folder == null) {
      throw new IllegalStateException(FOLDER + " is not on the test classpath (webhook-fixtures)");
    }
    try {
      URI uri = folder.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return jsonNames(Path.of(uri));
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return jsonNames(jar.getPath("/" + FOLDER));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> jsonNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList();
    }
  }

  private static ClassLoader classLoader() {
    return Fixtures.class.getClassLoader();
  }
}
