package io.smartcarpipeline.sim.fleet;

import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running simulated fleet: its counters, its ledger, its vehicles (the same {@link SimVehicle}
 * objects the API stand-in serves, so commands show in what the fleet reports next), and {@link
 * #stop()}. Thread-safe.
 */
public final class RunningFleet implements AutoCloseable {

  /**
   * How long after a command runs on a fleet car the car reports its change at the earliest (on the
   * stand-in's clock): real cars take seconds, and a change stamped in the same instant as the
   * command's answer could lie before the caller's completion time and never count as evidence.
   */
  public static final Duration REPORT_LATENCY = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final String deploymentId;
  private final FleetVerticle verticle;
  private final FleetLedger ledger;

  RunningFleet(Vertx vertx, String deploymentId, FleetVerticle verticle, FleetLedger ledger) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.verticle = verticle;
    this.ledger = ledger;
  }

  /** The delivery counters now. */
  public FleetStats stats() {
    return verticle.stats();
  }

  /** What was accepted, the latest values, the sessions' true energy. */
  public FleetLedger ledger() {
    return ledger;
  }

  /** The fleet's vehicles, in id order. */
  public List<SimVehicle> vehicles() {
    return verticle.models().stream().map(VehicleModel::car).toList();
  }

  /** Whether this vehicle is one of the fleet's. */
  public boolean has(String vehicleId) {
    return verticle.models().stream().anyMatch(m -> m.car().id().equals(vehicleId));
  }

  /** The profiles (make, model, capacity, units, quirks), in id order. */
  public List<VehicleProfile> profiles() {
    return verticle.models().stream().map(VehicleModel::profile).toList();
  }

  /** Events generated for vehicles not subscribed to the fleet's webhook, hence not sent. */
  public long unsubscribedEvents() {
    return verticle.unsubscribed();
  }

  /** Simulated seconds per real second. */
  public double timeFactor() {
    return verticle.timeFactor();
  }

  /** The fleet's simulated now. */
  public Instant simulatedNow() {
    return verticle.clock().instant();
  }

  /**
   * Now on the clock the fleet stamps {@code oemUpdatedAt} / {@code retrievedAt} / {@code
   * deliveredAt} with: the stand-in's clock (the wall clock unless a test injects one), which
   * command answers use too; simulated time only moves the cars.
   */
  public Instant reportedNow() {
    return verticle.reportedNow();
  }

  /** Stops (true) or restarts (false) simulated time; pending deliveries and retries go on. */
  public void pause(boolean paused) {
    verticle.pause(paused);
  }

  /**
   * Stops ticking, lets pending deliveries finish for up to the drain timeout, cancels what is left
   * and undeploys. The vehicles stay in the API stand-in.
   */
  public Future<Void> stop() {
    return vertx.undeploy(deploymentId);
  }

  /** {@link #stop()} and wait (drain timeout + 10 s at most). Not on an event loop. */
  @Override
  public void close() {
    try {
      stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("fleet did not stop cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
