package io.smartcarpipeline.fleetsync.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.errors.Schedule;
import io.smartcarpipeline.smartcar.errors.Verdict;
import io.smartcarpipeline.smartcar.fleet.SmartcarAnswer;
import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import io.smartcarpipeline.smartcar.http.TransportFailure;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code fleet_sync_smartcar_errors_total{code}} keeps a bounded set of label values. */
class FleetSyncMetricsTest {

  private static final Classification FAILED =
      new Classification(Verdict.PERMANENT, "failed", Schedule.NONE, null, 0, false, false, false);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final FleetSyncMetrics metrics = new FleetSyncMetrics(registry);

  @Test
  void knownCodesKeepTheirNameAndEverythingElseIsOther() {
    assertThat(label(ApiResponse.error(409, "VEHICLE_STATE", "ASLEEP")))
        .isEqualTo("VEHICLE_STATE:ASLEEP");
    assertThat(label(ApiResponse.error(429, "RATE_LIMIT", "SMARTCAR_API")))
        .isEqualTo("RATE_LIMIT:SMARTCAR_API");
    assertThat(label(ApiResponse.error(409, "VEHICLE_STATE", "BRAND_NEW_CODE_42")))
        .isEqualTo("VEHICLE_STATE:OTHER");
    assertThat(label(ApiResponse.error(400, "MADE_UP_TYPE", "X"))).isEqualTo("OTHER:OTHER");
    assertThat(label(ApiResponse.error(418, null, null))).isEqualTo("HTTP:OTHER");
    assertThat(label(ApiResponse.error(404, null, null))).isEqualTo("HTTP:404");
    assertThat(label(new TransportFailure(TransportFailure.Kind.CONNECT_FAILED, "refused")))
        .isEqualTo("TRANSPORT:CONNECT_FAILED");
    assertThat(FleetSyncMetrics.errorLabel(new SmartcarAnswer(FAILED, null, null, 0)))
        .isEqualTo("NO_TOKEN");
  }

  @Test
  void aThousandDifferentCodesFromSmartcarMakeOneSeries() {
    for (int i = 0; i < 1000; i++) {
      metrics.answer(answer(ApiResponse.error(400, "VALIDATION", "FIELD_" + i)));
      metrics.answer(answer(ApiResponse.error(500, "TYPE_" + i, "CODE_" + i)));
    }
    Set<String> codes =
        registry.find("fleet_sync_smartcar_errors").counters().stream()
            .map(c -> c.getId().getTag("code"))
            .collect(Collectors.toSet());
    assertThat(codes).containsExactlyInAnyOrder("VALIDATION:OTHER", "OTHER:OTHER");
    assertThat(
            registry
                .find("fleet_sync_smartcar_errors")
                .tag("code", "OTHER:OTHER")
                .counter()
                .count())
        .isEqualTo(1000);
  }

  @Test
  void successesAreNotCounted() {
    Classification ok =
        new Classification(Verdict.SUCCESS, "ok", Schedule.NONE, null, 0, false, false, false);
    metrics.answer(new SmartcarAnswer(ok, ApiResponse.success(200, null), "{}", 1));
    assertThat(registry.find("fleet_sync_smartcar_errors").counters()).isEmpty();
  }

  private static String label(ApiOutcome outcome) {
    return FleetSyncMetrics.errorLabel(answer(outcome));
  }

  private static SmartcarAnswer answer(ApiOutcome outcome) {
    return new SmartcarAnswer(FAILED, outcome, null, 1);
  }
}
