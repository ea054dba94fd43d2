package io.smartcarpipeline.processors.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgePercentilesTest {

  @Test
  void shouldTakeTheNearestRankOfTheSortedAges() {
    double[] ages = new double[100];
    for (int i = 0; i < 100; i++) {
      ages[i] = 100 - i; // 100 … 1, unsorted on purpose
    }
    AgePercentiles p = AgePercentiles.of(ages);

    assertThat(p.quantile(0.1)).isEqualTo(10);
    assertThat(p.quantile(0.5)).isEqualTo(50);
    assertThat(p.quantile(0.99)).isEqualTo(99);
    assertThat(p.quantile(1.0)).isEqualTo(100);
    assertThat(p.count()).isEqualTo(100);
  }

  @Test
  void shouldAnswerEveryQuantileOfOneAgeWithThatAge() {
    AgePercentiles p = AgePercentiles.of(new double[] {42});
    assertThat(p.quantile(0.1)).isEqualTo(42);
    assertThat(p.quantile(1.0)).isEqualTo(42);
  }

  @Test
  void shouldHaveNoPercentilesForNoVehicles() {
    assertThat(AgePercentiles.of(new double[0]).quantile(0.5)).isNaN();
  }

  @Test
  void shouldRefuseAQuantileOutsideZeroToOne() {
    AgePercentiles p = AgePercentiles.of(new double[] {1});
    assertThatThrownBy(() -> p.quantile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
