package io.smartcarpipeline.sim.fleet;

import io.smartcarpipeline.sim.vehicle.SimFleetState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a simulated Smartcar fleet that sends signed V3 webhooks to a gateway: N vehicles of
 * several makes living their day in accelerated time ({@link VehicleModel}), delivered like
 * Smartcar delivers ({@link WebhookDeliverer}), recorded in a {@link FleetLedger}. Give it the
 * {@link SimFleetState} of a running {@code SmartcarApiSim} and the dispatcher's commands reach the
 * same vehicles.
 *
 * <pre>{@code
 * SmartcarApiSim sim = SmartcarApiSim.start(SimConfig.builder().port(8090).build());
 * RunningFleet fleet = FleetSimulator.start(sim.vertx(), fleetConfig, sim.vehicles());
 * }</pre>
 */
public final class FleetSimulator {

  private FleetSimulator() {}

  /**
   * Deploys the fleet on {@code vertx}; the future completes once VERIFY succeeded (and fails with
   * an {@link IllegalStateException} saying why if it did not).
   */
  public static Future<RunningFleet> deploy(Vertx vertx, FleetConfig config, SimFleetState state) {
    return deploy(vertx, config, state, WebhookAudience.everyone());
  }

  /**
   * {@link #deploy(Vertx, FleetConfig, SimFleetState)} delivering only for the vehicles {@code
   * audience} says are subscribed; the fleet announces its webhook and vehicles to it at start.
   */
  public static Future<RunningFleet> deploy(
      Vertx vertx, FleetConfig config, SimFleetState state, WebhookAudience audience) {
    Instant start = config.startTime() != null ? config.startTime() : Instant.now();
    SimulatedClock clock = new SimulatedClock(start);
    FleetLedger ledger = new FleetLedger(Clock.systemUTC());
    FleetVerticle verticle = new FleetVerticle(config, state, clock, ledger, audience);
    return vertx.deployVerticle(verticle).map(id -> new RunningFleet(vertx, id, verticle, ledger));
  }

  /** {@link #deploy} and wait (at most the delivery timeout + 10 s). Not on an event loop. */
  public static RunningFleet start(Vertx vertx, FleetConfig config, SimFleetState state) {
    return start(vertx, config, state, WebhookAudience.everyone());
  }

  /** {@link #deploy(Vertx, FleetConfig, SimFleetState, WebhookAudience)} and wait. */
  public static RunningFleet start(
      Vertx vertx, FleetConfig config, SimFleetState state, WebhookAudience audience) {
    try {
      return deploy(vertx, config, state, audience)
          .toCompletionStage()
          .toCompletableFuture()
          .get(config.deliveryTimeout().toSeconds() + 10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IllegalStateException ise
          ? ise
          : new IllegalStateException("fleet failed to start: " + cause, cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException("fleet did not start in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the fleet", e);
    }
  }
}
