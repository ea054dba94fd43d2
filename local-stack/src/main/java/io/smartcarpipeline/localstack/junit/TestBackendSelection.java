package io.smartcarpipeline.localstack.junit;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Chooses the {@link TestBackend} from the system property {@value #PROPERTY} or, when it is not
 * set, the environment variable {@value #ENV}: {@code embedded} (the default), {@code containers}
 * (needs Docker; fails if there is none, rather than testing something else than asked), or {@code
 * auto} (containers when Docker is available, else embedded). Docker is probed only for {@code
 * containers} and {@code auto}. Any other value fails naming the setting and the allowed values.
 */
public final class TestBackendSelection {

  /** The system property, e.g. {@code ./mvnw verify -Dsmartcar.test.backend=auto}. */
  public static final String PROPERTY = "smartcar.test.backend";

  /** The environment variable, read when the property is not set. */
  public static final String ENV = "SMARTCAR_TEST_BACKEND";

  private TestBackendSelection() {}

  /** The backend this test JVM asks for, probing Docker through Testcontainers if needed. */
  public static TestBackend fromEnvironment() {
    return select(System.getProperty(PROPERTY), System.getenv(ENV), TestBackendSelection::docker);
  }

  /** Whether Testcontainers is on the classpath (it is optional) and finds a Docker engine. */
  private static boolean docker() {
    try {
      return ContainerStack.available();
    } catch (LinkageError noTestcontainers) {
      return false;
    }
  }

  /**
   * The backend for these settings.
   *
   * @param property the system property's value, or null
   * @param env the environment variable's value, or null
   * @param dockerAvailable whether a Docker engine can be used; asked only if needed
   * @throws IllegalArgumentException naming the setting if its value is none of the three
   * @throws IllegalStateException if {@code containers} is asked for and Docker is not available
   */
  public static TestBackend select(String property, String env, BooleanSupplier dockerAvailable) {
    boolean fromProperty = property != null && !property.isBlank();
    String setting = fromProperty ? PROPERTY : ENV;
    String value = fromProperty ? property : env;
    if (value == null || value.isBlank()) {
      return TestBackend.EMBEDDED;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "embedded" -> TestBackend.EMBEDDED;
      case "auto" -> dockerAvailable.getAsBoolean() ? TestBackend.CONTAINERS : TestBackend.EMBEDDED;
      case "containers" -> {
        if (!dockerAvailable.getAsBoolean()) {
          throw new IllegalStateException(
              setting
                  + "=containers, but no Docker engine is available to Testcontainers (or"
                  + " org.testcontainers:testcontainers-kafka is not on the test classpath);"
                  + " use embedded, or auto to fall back to it");
        }
        yield TestBackend.CONTAINERS;
      }
      default ->
          throw new IllegalArgumentException(
              setting + "='" + value + "' is not a test backend: use embedded, containers or auto");
    };
  }
}
