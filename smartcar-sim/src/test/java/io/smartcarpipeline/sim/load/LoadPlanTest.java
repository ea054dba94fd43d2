package io.smartcarpipeline.sim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadPlanTest {

  private static final String URL = "http://localhost:8080/webhooks/smartcar";
  private static final Duration TEN_S = Duration.ofSeconds(10);

  @Test
  void aRateMakesAnOpenLoopAndAConcurrencyAClosedOne() {
    assertThat(new LoadPlan(URL, 500, 0, TEN_S, 10, 8).openLoop()).isTrue();
    assertThat(new LoadPlan(URL, 0, 64, TEN_S, 10, 8).openLoop()).isFalse();
  }

  @Test
  void bothOrNeitherOfRateAndConcurrencyIsRejected() {
    assertThatThrownBy(() -> new LoadPlan(URL, 500, 64, TEN_S, 10, 8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoadPlan(URL, 0, 0, TEN_S, 10, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aZeroDurationIsRejected() {
    assertThatThrownBy(() -> new LoadPlan(URL, 500, 0, Duration.ZERO, 10, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signalCountsOutsideTheCatalogueAreRejected() {
    assertThatThrownBy(() -> new LoadPlan(URL, 500, 0, TEN_S, 31, 8))
        .hasMessage("signals must be 1..30");
  }

  @Test
  void aUrlThatIsNotHttpIsRejected() {
    assertThatThrownBy(() -> LoadGenerator.forUrl(null, "localhost:8080/x", 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
