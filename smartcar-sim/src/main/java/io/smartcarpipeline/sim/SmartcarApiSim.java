package io.smartcarpipeline.sim;

import io.smartcarpipeline.sim.api.CompatibilityHandler;
import io.smartcarpipeline.sim.api.ManagementHandler;
import io.smartcarpipeline.sim.api.RequestLog;
import io.smartcarpipeline.sim.api.SimRouter;
import io.smartcarpipeline.sim.api.SimServices;
import io.smartcarpipeline.sim.api.TokenStore;
import io.smartcarpipeline.sim.api.TruthView;
import io.smartcarpipeline.sim.api.VehicleAdmin;
import io.smartcarpipeline.sim.fault.FaultInjector;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.sim.fault.TokenBucket;
import io.smartcarpipeline.sim.fleet.FleetConfig;
import io.smartcarpipeline.sim.fleet.FleetSimulator;
import io.smartcarpipeline.sim.fleet.RunningFleet;
import io.smartcarpipeline.sim.manage.SubscriptionStore;
import io.smartcarpipeline.sim.manage.TeslaReadRule;
import io.smartcarpipeline.sim.manage.Webhook;
import io.smartcarpipeline.sim.vehicle.DemoFleet;
import io.smartcarpipeline.sim.vehicle.SimFleetState;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.smartcarpipeline.support.service.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Smartcar API stand-in: a Vert.x HTTP server speaking the V3 token, commands, signals,
 * connections, vehicle info, management (webhooks, subscriptions) and compatibility APIs with
 * simulated vehicles and fault injection, for tests and demos. Point {@code SMARTCAR_IAM_ORIGIN} at
 * {@link #iamOrigin()}, {@code SMARTCAR_API_V3_ORIGIN} at {@link #v3Origin()}, {@code
 * SMARTCAR_MANAGEMENT_API_ORIGIN} at {@link #managementOrigin()} and {@code
 * SMARTCAR_COMPATIBILITY_API_ORIGIN} at {@link #compatibilityOrigin()}.
 *
 * <p>Entry points: {@link #start(SimConfig)} (blocking until listening, own Vert.x), {@link
 * #deploy(Vertx, SimConfig)} (on a caller's Vert.x), {@link #main(String[])} (config from the
 * environment).
 */
public final class SmartcarApiSim implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SmartcarApiSim.class);

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final HttpServer server;
  private final SimServices services;

  private SmartcarApiSim(Vertx vertx, boolean ownsVertx, HttpServer server, SimServices services) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.server = server;
    this.services = services;
  }

  /** Starts on a Vert.x of its own and returns once listening; {@link #close()} stops both. */
  public static SmartcarApiSim start(SimConfig config) {
    Vertx vertx = Vertx.vertx();
    try {
      return deploy(vertx, config, true)
          .toCompletionStage()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      vertx.close();
      throw new IllegalStateException("smartcar-sim failed to start on port " + config.port(), e);
    } catch (InterruptedException e) {
      vertx.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting smartcar-sim", e);
    } catch (RuntimeException | Error e) {
      vertx.close();
      throw e;
    }
  }

  /** Starts on the caller's Vert.x; {@link #close()} then stops only the server. */
  public static Future<SmartcarApiSim> deploy(Vertx vertx, SimConfig config) {
    return deploy(vertx, config, false);
  }

  private static Future<SmartcarApiSim> deploy(Vertx vertx, SimConfig config, boolean owns) {
    SimServices services = services(config);
    DemoFleet.populate(services.fleet(), config.demoVehicles());
    return vertx
        .createHttpServer(new HttpServerOptions().setPort(config.port()))
        .requestHandler(SimRouter.create(vertx, services))
        .listen()
        .map(
            server -> {
              LOG.info(
                  "sim_started port={} vehicles={} bucket_capacity={} seed={}",
                  server.actualPort(),
                  services.fleet().size(),
                  config.bucketCapacity(),
                  config.seed());
              return new SmartcarApiSim(vertx, owns, server, services);
            });
  }

  private static SimServices services(SimConfig config) {
    SubscriptionStore subscriptions =
        new SubscriptionStore(config.clock(), config.webhookAutoEnroll());
    subscriptions.registerWebhook(new Webhook(config.webhookId(), "smartcar-sim fleet", null));
    return new SimServices(
        new SimFleetState(config.clock()),
        new TokenStore(config.clientId(), config.clientSecret(), config.tokenTtl(), config.clock()),
        new AtomicReference<>(
            new TokenBucket(
                config.bucketCapacity(), config.bucketRefillPerMinute(), config.clock())),
        new FaultInjector(config.faults(), config.seed()),
        new RequestLog(config.requestLogLimit()),
        config.clock(),
        subscriptions,
        new TeslaReadRule(),
        new AtomicReference<>());
  }

  /** Runs the stand-in with configuration from the environment until the JVM stops. */
  public static void main(String[] args) {
    SmartcarApiSim sim = start(SimConfig.fromEnv(System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "smartcar-sim-shutdown"));
  }

  public int port() {
    return server.actualPort();
  }

  /** {@code http://localhost:PORT}. */
  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /** The value for {@code SMARTCAR_API_V3_ORIGIN}: {@code baseUrl() + "/v3"}. */
  public String v3Origin() {
    return baseUrl() + "/v3";
  }

  /** The value for {@code SMARTCAR_MANAGEMENT_API_ORIGIN}: {@code baseUrl() + "/management/v3"}. */
  public String managementOrigin() {
    return baseUrl() + ManagementHandler.PREFIX;
  }

  /**
   * The value for {@code SMARTCAR_COMPATIBILITY_API_ORIGIN}: {@code baseUrl() +
   * "/compatibility/v3"}.
   */
  public String compatibilityOrigin() {
    return baseUrl() + CompatibilityHandler.PREFIX;
  }

  /** The value for {@code SMARTCAR_IAM_ORIGIN} (token at {@code /oauth2/token}). */
  public String iamOrigin() {
    return baseUrl();
  }

  /** The Vert.x instance the stand-in runs on (run the fleet on it too). */
  public Vertx vertx() {
    return vertx;
  }

  /**
   * Starts a simulated fleet on this stand-in's Vert.x and vehicles, so commands sent through the
   * API change what the fleet reports; blocks until VERIFY succeeded. Not on an event loop.
   */
  public RunningFleet startFleet(FleetConfig config) {
    RunningFleet fleet = FleetSimulator.start(vertx, config, vehicles(), services.subscriptions());
    services.runningFleet().set(fleet);
    return fleet;
  }

  /**
   * Connects a vehicle (mode {@code live}/{@code simulated}; a streaming-capable one without the
   * virtual key gets one data read per 8 simulated hours) and, with auto-enroll on, subscribes it
   * to every known webhook; same as {@code POST /_sim/vehicles}.
   */
  public SimVehicle addVehicle(SimVehicle vehicle, String mode, boolean streamingCapable) {
    services.fleet().add(vehicle, mode, streamingCapable);
    services.subscriptions().vehicleAdded(vehicle.userId(), vehicle.id());
    return vehicle;
  }

  /**
   * Disconnects a vehicle: gone from the connections, its subscriptions removed (so the fleet stops
   * delivering its webhooks); same as {@code DELETE /_sim/vehicles/{id}}. True if it was known.
   */
  public boolean removeVehicle(String vehicleId) {
    return VehicleAdmin.remove(services, vehicleId);
  }

  /** Webhooks and subscriptions (what the management API serves). */
  public SubscriptionStore subscriptions() {
    return services.subscriptions();
  }

  /** Tesla's 8-hour read rule and its violation counters. */
  public TeslaReadRule teslaReadRule() {
    return services.teslaRule();
  }

  /**
   * The per-vehicle truth (same as {@code GET /_sim/vehicles/{id}/truth}): per signal code the
   * latest value and its {@code oemUpdatedAt}; empty for an unknown vehicle.
   */
  public Optional<JsonObject> truth(String vehicleId) {
    return TruthView.of(services, vehicleId);
  }

  /** The simulated vehicles (add, get, change). */
  public SimFleetState vehicles() {
    return services.fleet();
  }

  /** Every API request received, for counting calls per vehicle and command. */
  public RequestLog requests() {
    return services.log();
  }

  /** Replaces the fault rules (same as {@code POST /_sim/faults}). */
  public void setFaults(FaultRules rules) {
    services.faults().setRules(rules);
  }

  /** The fault rules in force. */
  public FaultRules faults() {
    return services.faults().rules();
  }

  /** Replaces the app-wide bucket (full); capacity ≤ 0 turns it off. */
  public void setBucket(int capacity, double refillPerMinute) {
    services.bucket().set(new TokenBucket(capacity, refillPerMinute, services.clock()));
  }

  /** Invalidates every issued token, so the next call gets 401 AUTHENTICATION. */
  public void revokeTokens() {
    services.tokens().revokeAll();
  }

  /** Stops the server (and the Vert.x instance if {@link #start} created it); waits ≤ 10 s. */
  @Override
  public void close() {
    try {
      Lifecycle.await(server.close(), CLOSE_TIMEOUT, "close the sim's HTTP server");
      if (ownsVertx) {
        Lifecycle.await(vertx.close(), CLOSE_TIMEOUT, "close the sim's Vert.x");
      }
      LOG.info("sim_stopped");
    } catch (IllegalStateException e) {
      LOG.warn("sim_stop_failed", e);
    }
  }

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
}
