package io.smartcarpipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Phase percentiles come from the buckets recorded between two scrapes only. */
class PhaseHistogramsTest {

  private static String scrape(int markerAt1ms, int markerAt2ms, int markerSlow, int commit) {
    int c1 = markerAt1ms;
    int c2 = c1 + markerAt2ms;
    int c3 = c2 + markerSlow;
    return String.join(
        "\n",
        "# TYPE dispatcher_command_phase_seconds histogram",
        b("marker", "1.0E-4", 0),
        b("marker", "0.001", c1),
        b("marker", "0.002", c2),
        b("marker", "0.1", c3),
        b("marker", "+Inf", c3),
        "dispatcher_command_phase_seconds_count{phase=\"marker\",service=\"d\"} " + c3,
        b("commit", "0.01", commit),
        b("commit", "+Inf", commit),
        "dispatcher_api_latency_seconds_bucket{le=\"0.001\",service=\"d\"} 99.0",
        "");
  }

  private static String b(String phase, String le, int count) {
    return "dispatcher_command_phase_seconds_bucket{phase=\""
        + phase
        + "\",service=\"d\",le=\""
        + le
        + "\"} "
        + count
        + ".0";
  }

  @Test
  void shouldCountAndRankOnlyWhatWasRecordedBetweenTwoScrapes() {
    PhaseHistograms before = PhaseHistograms.parse(scrape(1000, 0, 0, 7));
    PhaseHistograms after = PhaseHistograms.parse(scrape(1000, 98, 2, 7));

    PhaseHistograms step = after.since(before);

    assertThat(step.count("marker")).isEqualTo(100);
    assertThat(step.count("commit")).isZero();
    // rank 50 of 100 lies in the (1 ms, 2 ms] bucket: 50 of its 98 → interpolated
    assertThat(step.millisAt("marker", 50)).isCloseTo(1 + 50.0 / 98, within(1e-9));
    // rank 99 is one of the two slow ones in (2 ms, 100 ms]
    assertThat(step.millisAt("marker", 99)).isCloseTo(2 + 98 * 0.5, within(1e-9));
    assertThat(step.millisAt("commit", 99)).isZero();
    assertThat(step.millisAt("unknown", 50)).isZero();
  }

  @Test
  void shouldReportAValueBeyondTheLastBucketAsThatBucketsBound() {
    String text = String.join("\n", b("call", "0.5", 1), b("call", "+Inf", 3), "");

    assertThat(PhaseHistograms.parse(text).millisAt("call", 99)).isEqualTo(500);
  }
}
