package io.smartcarpipeline.processors.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smartcarpipeline.events.VehicleState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fresh this instance's vehicle states are: every {@code interval} it reads the states of the
 * vehicles whose partitions it hosts and exports, over those vehicles, percentiles of the age of
 * each state's newest event ({@code now - lastEventAt}, the time the gateway received the newest
 * event applied; {@code updatedAt} for a state without one) as {@code
 * processors_vehicle_state_age_seconds{quantile="0.1"|"0.5"|"0.9"|"0.99"|"1"}}, and the number of
 * vehicles as {@code processors_vehicle_state_vehicles}. A fleet going stale (webhooks not
 * arriving, or the processors not applying them) shows here as every quantile climbing. The read is
 * one scan of the local store, off the stream threads; while the store is not queryable (a
 * rebalance) the previous values stay.
 */
public final class StateFreshnessMetrics implements AutoCloseable {

  static final double[] QUANTILES = {0.1, 0.5, 0.9, 0.99, 1.0};
  private static final Logger LOG = LoggerFactory.getLogger(StateFreshnessMetrics.class);

  private final Supplier<List<VehicleState>> states;
  private final Clock clock;
  private final AtomicReference<AgePercentiles> latest =
      new AtomicReference<>(AgePercentiles.of(new double[0]));
  private final ScheduledExecutorService scheduler;

  StateFreshnessMetrics(Supplier<List<VehicleState>> states, MeterRegistry registry, Clock clock) {
    this.states = states;
    this.clock = clock;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "state-freshness");
              t.setDaemon(true);
              return t;
            });
    for (double q : QUANTILES) {
      Gauge.builder("processors_vehicle_state_age_seconds", latest, p -> p.get().quantile(q))
          .description(
              "Age of each vehicle's newest applied event (now - lastEventAt), over this"
                  + " instance's vehicles")
          .tag("quantile", quantileTag(q))
          .register(registry);
    }
    Gauge.builder("processors_vehicle_state_vehicles", latest, p -> p.get().count())
        .description("Vehicles with a state in this instance's stores")
        .register(registry);
  }

  /** Samples now, then every {@code interval}, until closed. */
  public static StateFreshnessMetrics start(
      Supplier<List<VehicleState>> states, MeterRegistry registry, Clock clock, Duration interval) {
    StateFreshnessMetrics m = new StateFreshnessMetrics(states, registry, clock);
    m.scheduler.scheduleWithFixedDelay(
        m::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return m;
  }

  /** Reads the states and replaces the exported percentiles. */
  void sample() {
    List<VehicleState> current = states.get();
    Instant now = clock.instant();
    double[] ages = new double[current.size()];
    for (int i = 0; i < ages.length; i++) {
      VehicleState s = current.get(i);
      Instant newest = s.getLastEventAt() != null ? s.getLastEventAt() : s.getUpdatedAt();
      ages[i] = Math.max(0, Duration.between(newest, now).toMillis()) / 1000.0;
    }
    latest.set(AgePercentiles.of(ages));
  }

  /** {@link #sample}, keeping the previous values if the store cannot be read now. */
  void sampleQuietly() {
    try {
      sample();
    } catch (RuntimeException e) {
      LOG.debug("state_freshness_unavailable error={}", e.toString());
    }
  }

  static String quantileTag(double q) {
    return q == 1.0 ? "1" : Double.toString(q);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
