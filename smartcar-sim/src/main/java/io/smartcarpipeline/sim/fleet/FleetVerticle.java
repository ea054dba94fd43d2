package io.smartcarpipeline.sim.fleet;

import io.smartcarpipeline.sim.vehicle.SimFleetState;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the fleet on one Vert.x event loop: creates the vehicles in the shared {@link
 * SimFleetState}, runs the VERIFY handshake (times stamped by the stand-in's clock, see {@link
 * ReportClock}), sends each vehicle's first delivery, then every {@code step / timeFactor} of real
 * time advances simulated time by one step, steps every vehicle, and hands what changed to the
 * {@link WebhookDeliverer}, for the vehicles its {@link WebhookAudience} says are subscribed (the
 * others' events are generated, recorded as truth, and not sent). Never blocks the loop.
 */
final class FleetVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(FleetVerticle.class);

  private final FleetConfig config;
  private final SimFleetState state;
  private final SimulatedClock clock;
  private final ReportClock stamps;
  private final FleetLedger ledger;
  private final WebhookAudience audience;
  private final AtomicLong unsubscribed = new AtomicLong();
  private FleetStepper stepper;
  private final AtomicLong events = new AtomicLong();
  private WebClient client;
  private WebhookDeliverer deliverer;
  private long periodic = -1;
  private volatile boolean paused;

  FleetVerticle(
      FleetConfig config,
      SimFleetState state,
      SimulatedClock clock,
      FleetLedger ledger,
      WebhookAudience audience) {
    this.audience = audience;
    this.config = config;
    this.state = state;
    this.clock = clock;
    this.stamps = new ReportClock(state.clock());
    this.ledger = ledger;
  }

  @Override
  public Future<?> start() {
    stepper =
        new FleetStepper(
            FleetProfiles.create(config.vehicles(), config.seed()),
            config.seed(),
            clock,
            stamps,
            config.step(),
            ledger,
            state);
    Map<String, String> vehicles = new LinkedHashMap<>();
    stepper.models().forEach(m -> vehicles.put(m.car().id(), m.car().userId()));
    audience.webhookStarted(
        config.webhookId(), config.webhookName(), config.gatewayUrl(), vehicles);
    client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setUserAgent(WebhookDeliverer.USER_AGENT)
                .setKeepAlive(true)
                .setConnectTimeout((int) config.deliveryTimeout().toMillis()),
            new PoolOptions().setHttp1MaxSize(config.concurrency()));
    deliverer =
        new WebhookDeliverer(
            vertx,
            client,
            config,
            new WebhookSigner(config.managementToken()),
            stamps.clock(),
            ledger);
    return VerifyHandshake.run(
            client, config, new WebhookSigner(config.managementToken()), stamps.clock())
        .onSuccess(
            v -> {
              deliver(stepper.firstDeliveries());
              periodic = vertx.setPeriodic(config.tickMillis(), id -> tick());
              LOG.info(
                  "fleet_started vehicles={} time_factor={} tick_ms={} gateway={}",
                  config.vehicles(),
                  config.timeFactor(),
                  config.tickMillis(),
                  config.gatewayUrl());
            })
        .onFailure(e -> client.close());
  }

  private void tick() {
    if (!paused) {
      deliver(stepper.tick());
    }
  }

  private void deliver(List<WebhookEvent> produced) {
    for (WebhookEvent event : produced) {
      events.incrementAndGet();
      if (audience.subscribed(config.webhookId(), event.vehicleId())) {
        deliverer.submit(event);
      } else {
        unsubscribed.incrementAndGet();
      }
    }
  }

  /** Events not delivered because their vehicle was not subscribed to the webhook. */
  long unsubscribed() {
    return unsubscribed.get();
  }

  void pause(boolean pause) {
    this.paused = pause;
  }

  List<VehicleModel> models() {
    return stepper == null ? List.of() : stepper.models();
  }

  FleetStats stats() {
    WebhookDeliverer d = deliverer;
    if (d == null) {
      return new FleetStats(0, 0, 0, 0, 0, 0, 0, 0, 0, clock.instant());
    }
    return new FleetStats(
        events.get(),
        d.sent.get(),
        d.accepted.get(),
        d.rejected.get(),
        d.failed.get(),
        d.retried.get(),
        d.dropped.get(),
        d.duplicates.get(),
        d.pending(),
        clock.instant());
  }

  /** Stops ticking, waits up to the drain timeout for pending deliveries, then cancels the rest. */
  @Override
  public Future<?> stop() {
    paused = true;
    if (periodic >= 0) {
      vertx.cancelTimer(periodic);
    }
    Promise<Void> drained = Promise.promise();
    long deadline = System.nanoTime() + config.drainTimeout().toNanos();
    waitForDrain(drained, deadline);
    return drained
        .future()
        .eventually(
            () -> {
              if (deliverer != null) {
                deliverer.cancelTimers();
              }
              if (client != null) {
                client.close();
              }
              LOG.info("fleet_stopped {}", stats().summary());
              return Future.succeededFuture();
            });
  }

  private void waitForDrain(Promise<Void> drained, long deadlineNanos) {
    if (deliverer == null || deliverer.pending() == 0 || System.nanoTime() >= deadlineNanos) {
      drained.complete();
      return;
    }
    vertx.setTimer(20, id -> waitForDrain(drained, deadlineNanos));
  }

  double timeFactor() {
    return config.timeFactor();
  }

  Clock clock() {
    return clock;
  }

  /** Now on the clock the fleet stamps its reports with. */
  Instant reportedNow() {
    return stamps.now();
  }
}
