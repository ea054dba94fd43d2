package io.smartcarpipeline.localstack.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class TestBackendSelectionTest {

  private static final BooleanSupplier DOCKER = () -> true;
  private static final BooleanSupplier NO_DOCKER = () -> false;
  private static final BooleanSupplier MUST_NOT_PROBE =
      () -> {
        throw new AssertionError("Docker probed although the embedded backend was asked for");
      };

  @Test
  void nothingSetIsEmbeddedWithoutProbingDocker() {
    assertThat(TestBackendSelection.select(null, null, MUST_NOT_PROBE))
        .isEqualTo(TestBackend.EMBEDDED);
    assertThat(TestBackendSelection.select(" ", "", MUST_NOT_PROBE))
        .isEqualTo(TestBackend.EMBEDDED);
  }

  @Test
  void embeddedIsEmbeddedEvenWithDocker() {
    assertThat(TestBackendSelection.select("embedded", null, MUST_NOT_PROBE))
        .isEqualTo(TestBackend.EMBEDDED);
  }

  @Test
  void containersWithDockerIsContainers() {
    assertThat(TestBackendSelection.select(null, "containers", DOCKER))
        .isEqualTo(TestBackend.CONTAINERS);
  }

  @Test
  void containersWithoutDockerFailsSayingWhy() {
    assertThatThrownBy(() -> TestBackendSelection.select(null, "containers", NO_DOCKER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SMARTCAR_TEST_BACKEND=containers")
        .hasMessageContaining("no Docker engine");
  }

  @Test
  void autoIsContainersWithDockerAndEmbeddedWithout() {
    assertThat(TestBackendSelection.select("auto", null, DOCKER)).isEqualTo(TestBackend.CONTAINERS);
    assertThat(TestBackendSelection.select("auto", null, NO_DOCKER))
        .isEqualTo(TestBackend.EMBEDDED);
  }

  @Test
  void thePropertyWinsOverTheEnvironmentAndCaseAndSpacesDoNotMatter() {
    assertThat(TestBackendSelection.select(" Embedded ", "containers", MUST_NOT_PROBE))
        .isEqualTo(TestBackend.EMBEDDED);
    assertThat(TestBackendSelection.select("AUTO", "embedded", DOCKER))
        .isEqualTo(TestBackend.CONTAINERS);
  }

  @Test
  void anUnknownValueFailsNamingTheSettingAndTheChoices() {
    assertThatThrownBy(() -> TestBackendSelection.select("docker", null, DOCKER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "smartcar.test.backend='docker' is not a test backend: use embedded, containers or"
                + " auto");
    assertThatThrownBy(() -> TestBackendSelection.select(null, "kafka", DOCKER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("SMARTCAR_TEST_BACKEND='kafka'");
  }
}
