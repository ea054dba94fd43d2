package io.smartcarpipeline.fleetsync.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.fleetsync.sync.SyncReport;
import io.smartcarpipeline.smartcar.budget.CircuitBreaker;
import io.smartcarpipeline.smartcar.fleet.SmartcarAnswer;
import io.smartcarpipeline.smartcar.metrics.ErrorLabels;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * fleet-sync's meters: sync runs by trigger and result, vehicles by connection status, subscribe /
 * unsubscribe calls by result, Smartcar errors by {@code TYPE:CODE}, the breaker state, token
 * refreshes, records published and the time of the last good sync.
 */
public final class FleetSyncMetrics {

  private final MeterRegistry registry;
  private final Map<ConnectionStatus, AtomicInteger> byStatus =
      new EnumMap<>(ConnectionStatus.class);
  private final AtomicInteger breakerState = new AtomicInteger();
  private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();
  private final Counter publishFailures;

  public FleetSyncMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (ConnectionStatus status : ConnectionStatus.values()) {
      AtomicInteger count = new AtomicInteger();
      byStatus.put(status, count);
      Gauge.builder("fleet_sync_vehicles", count, AtomicInteger::get)
          .description("Vehicles on smartcar.connections.v1 by connection status")
          .tag("status", status.name())
          .register(registry);
    }
    Gauge.builder("fleet_sync_breaker_state", breakerState, AtomicInteger::get)
        .description("Circuit breaker: 0 closed, 1 half-open, 2 open")
        .register(registry);
    Gauge.builder("fleet_sync_last_success_seconds", lastSuccessEpochSeconds, AtomicLong::get)
        .description("Epoch seconds of the last sync run that completed")
        .register(registry);
    publishFailures =
        Counter.builder("fleet_sync_publish_failures")
            .description("Connection records the broker did not acknowledge")
            .register(registry); // at zero from the start, so a dashboard finds it
  }

  /** A sync run ended. */
  public void syncRun(SyncReport report) {
    Counter.builder("fleet_sync_runs")
        .description("Connection sync runs by trigger and result")
        .tag("trigger", report.trigger())
        .tag("result", report.ok() ? "ok" : "failed")
        .register(registry)
        .increment();
    for (ConnectionStatus status : ConnectionStatus.values()) {
      byStatus.get(status).set(report.byStatus().getOrDefault(status.name(), 0));
    }
    if (report.ok()) {
      lastSuccessEpochSeconds.set(report.finishedAt().getEpochSecond());
    }
  }

  /** A subscribe or unsubscribe call ended. */
  public void subscription(String action, String webhookId, boolean ok) {
    Counter.builder("fleet_sync_subscription_calls")
        .description("Subscribe and unsubscribe calls by webhook and result")
        .tag("action", action)
        .tag("webhook", webhookId)
        .tag("result", ok ? "ok" : "failed")
        .register(registry)
        .increment();
  }

  /**
   * Every final answer of a Smartcar call; failures are counted by their error, as a label from a
   * closed set ({@link #errorLabel}).
   */
  public void answer(SmartcarAnswer answer) {
    if (!answer.ok()) {
      Counter.builder("fleet_sync_smartcar_errors")
          .description("Smartcar calls that failed, by TYPE:CODE from a closed set (else OTHER)")
          .tag("code", errorLabel(answer))
          .register(registry)
          .increment();
    }
  }

  /**
   * The {@code code} label of a failed answer, bounded whatever Smartcar sends: {@code TYPE:CODE}
   * of smartcar-client's {@link ErrorLabels} (the documented types and codes; an unlisted code is
   * {@code TYPE:OTHER}, an unknown type {@code OTHER:OTHER}; {@code HTTP:<status>}, {@code
   * TRANSPORT:<kind>}), {@code NO_TOKEN} when no call was made, {@code OTHER} for anything else.
   */
  public static String errorLabel(SmartcarAnswer answer) {
    if (answer.outcome() == null) {
      return "NO_TOKEN";
    }
    return ErrorLabels.of(answer.outcome())
        .map(p -> p.type() + ":" + p.code())
        .orElse(ErrorLabels.OTHER);
  }

  /** The breaker changed state. */
  public void breakerState(CircuitBreaker.State state) {
    breakerState.set(state.gauge());
  }

  /** An app token refresh ended. */
  public void tokenRefreshed(boolean ok) {
    Counter.builder("fleet_sync_token_refreshes")
        .description("App token refreshes by outcome")
        .tag("result", ok ? "ok" : "failed")
        .register(registry)
        .increment();
  }

  /** A connection record could not be written. */
  public void publishFailed() {
    publishFailures.increment();
  }
}
