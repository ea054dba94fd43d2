package io.smartcarpipeline.launcher.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void shouldFindTheMetricOfARateWithMatchersAndRange() {
    assertThat(
            PromQl.metricNames(
                "sum by (outcome) (rate(gateway_requests_total{service=\"ingest-gateway\","
                    + " outcome=~\"unavailable|error\"}[$__rate_interval]))"))
        .containsExactly("gateway_requests_total");
  }

  @Test
  void shouldFindBothSidesOfABinaryExpressionAndSkipNumbersAndKeywords() {
    assertThat(
            PromQl.metricNames(
                "sum(rate(a_total[5m])) / ignoring(outcome) group_left sum(rate(b_total[5m]))"
                    + " > 0.05 and on (service) c_gauge offset 1h >= bool 1e3"))
        .containsExactlyInAnyOrder("a_total", "b_total", "c_gauge");
  }

  @Test
  void shouldFindTheHistogramBucketInAQuantile() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(x_seconds_bucket{job=\"$job\"}[1m])))"))
        .containsExactly("x_seconds_bucket");
  }

  @Test
  void shouldFindAMetricInsideDerivAndMaxOverTime() {
    assertThat(
            PromQl.metricNames(
                "max by (group, topic) (deriv(consumer_group_lag_records[10m])) > 0"
                    + " unless max_over_time(up[5m]) == 0"))
        .containsExactlyInAnyOrder("consumer_group_lag_records", "up");
  }

  @Test
  void shouldReadTheMetricOfAGrafanaLabelValuesVariableButNotItsLabel() {
    assertThat(PromQl.metricNames("label_values(jvm_memory_used_bytes{service=\"x\"}, instance)"))
        .containsExactly("jvm_memory_used_bytes");
  }
}
