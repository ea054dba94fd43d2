package io.smartcarpipeline.smartcar.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smartcarpipeline.smartcar.http.ApiOutcome;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code smartcar_api_errors_total{type,code}}: every answer of the Smartcar API that was an error,
 * by Smartcar's V3 error type and code ({@link ErrorLabels}: a closed set, unknown codes are {@code
 * OTHER}), whatever the classifier then decided (a 409 on subscribe is "already done" and still
 * counted). One count per HTTP call, retries included. Every pair is registered at zero, so a
 * rate() sees the first error and a dashboard finds the series before anything failed. Give it to
 * the {@code SmartcarErrorClassifier} as its outcome observer; thread-safe.
 */
public final class SmartcarApiErrors implements Consumer<ApiOutcome> {

  /** The metric's name as Micrometer knows it (Prometheus adds {@code _total}). */
  public static final String NAME = "smartcar_api_errors";

  private final Map<ErrorLabels.Pair, Counter> counters = new HashMap<>();

  public SmartcarApiErrors(MeterRegistry registry) {
    for (ErrorLabels.Pair pair : ErrorLabels.all()) {
      counters.put(
          pair,
          Counter.builder(NAME)
              .description("Error answers of the Smartcar API by V3 error type and code")
              .tag("type", pair.type())
              .tag("code", pair.code())
              .register(registry));
    }
  }

  /** Counts the outcome if it is an error. */
  @Override
  public void accept(ApiOutcome outcome) {
    ErrorLabels.of(outcome).ifPresent(pair -> counters.get(pair).increment());
  }
}
