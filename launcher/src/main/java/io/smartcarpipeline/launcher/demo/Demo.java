package io.smartcarpipeline.launcher.demo;

import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.fleetsync.FleetSyncApp;
import io.smartcarpipeline.gateway.GatewayApp;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.processors.ProcessorsApp;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.fleet.FleetConfig;
import io.smartcarpipeline.sim.fleet.FleetStats;
import io.smartcarpipeline.sim.fleet.RunningFleet;
import io.smartcarpipeline.support.config.BindAddress;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on one machine: the embedded broker and registry, the gateway, the stream
 * processors, the Smartcar stand-in with a simulated fleet sending signed webhooks, the command
 * dispatcher pointed at the stand-in, and an example charging orchestrator. Used by {@code
 * smartcar-pipeline demo} and by the end-to-end test. Parts start in dependency order and close in
 * reverse; a part that fails to start closes the ones before it.
 */
public final class Demo implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

  /**
   * @param vehicles fleet size
   * @param dataDir where the broker, the stream state and the generated secrets live
   * @param freePorts pick free ports instead of the documented defaults (tests)
   * @param timeFactor simulated seconds per real second
   * @param expectedRun how long the run is expected to last (simulated time is started that far in
   *     the past so the fleet's clock stays behind the wall clock; what the cars report is stamped
   *     with the wall clock whatever it is), or null for an open-ended run
   * @param seed the fleet's seed
   * @param bindAddress the interface every HTTP port listens on ({@code BIND_ADDRESS}, 127.0.0.1
   *     unless opened on purpose); the broker stays on localhost
   * @param settings settings that replace the demo's own for every service (tests: e.g. a short
   *     {@code PROCESSORS_CONFIRMATION_WINDOW}); empty for the demo as documented
   */
  public record Options(
      int vehicles,
      Path dataDir,
      boolean freePorts,
      double timeFactor,
      Duration expectedRun,
      long seed,
      String bindAddress,
      Map<String, String> settings) {

    public Options {
      settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The demo with its own settings. */
    public Options(
        int vehicles,
        Path dataDir,
        boolean freePorts,
        double timeFactor,
        Duration expectedRun,
        long seed,
        String bindAddress) {
      this(vehicles, dataDir, freePorts, timeFactor, expectedRun, seed, bindAddress, Map.of());
    }
  }

  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private final Options options;
  private DemoHistory history;
  private LocalStack stack;
  private GatewayApp gateway;
  private ProcessorsApp processors;
  private SmartcarApiSim sim;
  private DispatcherApp dispatcher;
  private FleetSyncApp fleetSync;
  private RunningFleet fleet;
  private ChargingOrchestrator orchestrator;
  private DemoMonitor monitor;
  private volatile FleetStats stoppedFleetStats;

  private Demo(Options options) {
    this.options = options;
  }

  /** Starts everything; throws (after closing what started) if a part cannot start. */
  public static Demo start(Options options) {
    Demo demo = new Demo(options);
    try {
      demo.startParts();
      return demo;
    } catch (RuntimeException e) {
      demo.close();
      throw e;
    }
  }

  private void startParts() {
    DemoSecrets secrets = DemoSecrets.loadOrCreate(options.dataDir());
    history = DemoHistory.load(options.dataDir());
    LocalStack.Options stackOptions =
        (options.freePorts() ? LocalStack.Options.freePorts() : LocalStack.Options.defaults())
            .withDataDir(options.dataDir())
            .withBindAddress(options.bindAddress());
    stack = add(LocalStack.start(stackOptions));
    Map<String, String> common = new HashMap<>(CommonSettings.DEFAULTS);
    common.put(CommonSettings.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
    common.put(CommonSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    common.put(BindAddress.KEY, options.bindAddress());
    String port = options.freePorts() ? "0" : null;

    gateway = add(GatewayApp.start(gatewaySettings(common, secrets, port)));
    processors = add(ProcessorsApp.start(processorsSettings(common, port)));
    sim = add(SmartcarApiSim.start(simConfig(secrets, history.seedOfNextRun(options.seed()))));
    dispatcher = add(DispatcherApp.start(dispatcherSettings(common, secrets, port)));
    fleetSync = add(FleetSyncApp.start(fleetSyncSettings(common, secrets, port)));
    monitor = add(new DemoMonitor(stack.bootstrapServers(), stack.schemaRegistryUrl()).start());
    orchestrator =
        add(
            new ChargingOrchestrator(
                    stack.bootstrapServers(),
                    stack.schemaRegistryUrl(),
                    new ChargingPolicy(80),
                    // a price peak of 40 s every 3 minutes, the first 90 s after start
                    new PriceSignal(
                        Instant.now().plusSeconds(90),
                        Duration.ofMinutes(3),
                        Duration.ofSeconds(40)),
                    Clock.systemUTC())
                .start());
    fleet = sim.startFleet(fleetConfig(secrets));
    add((AutoCloseable) this::stopFleet);
    LOG.info("demo_started vehicles={} data_dir={}", options.vehicles(), options.dataDir());
  }

  private Settings gatewaySettings(Map<String, String> common, DemoSecrets secrets, String port) {
    Map<String, String> s = new HashMap<>(GatewayConfig.DEFAULTS);
    s.putAll(common);
    s.put("SMARTCAR_MANAGEMENT_TOKEN", secrets.managementToken());
    if (port != null) {
      s.put("GATEWAY_PORT", port);
    }
    s.putAll(options.settings());
    return Settings.of(s);
  }

  private Settings processorsSettings(Map<String, String> common, String port) {
    Map<String, String> s = new HashMap<>(ProcessorsConfig.defaults());
    s.putAll(common);
    s.put(ProcessorsConfig.STATE_DIR, options.dataDir().resolve("processors").toString());
    if (port != null) {
      s.put(ProcessorsConfig.PORT, port);
    }
    s.putAll(options.settings());
    return Settings.of(s);
  }

  private Settings dispatcherSettings(
      Map<String, String> common, DemoSecrets secrets, String port) {
    Map<String, String> s = new HashMap<>(common);
    s.put("SMARTCAR_CLIENT_ID", secrets.clientId());
    s.put("SMARTCAR_CLIENT_SECRET", secrets.clientSecret());
    s.put("SMARTCAR_API_V3_ORIGIN", sim.v3Origin());
    s.put("SMARTCAR_IAM_ORIGIN", sim.iamOrigin());
    s.put("DISPATCHER_INSTANCE_ID", "demo");
    // the fleet lives in accelerated time: a car that was woken falls asleep again within
    // seconds, so the ASLEEP/UNREACHABLE schedule (1m, 5m, 15m for real cars) is compressed too
    s.put("DISPATCHER_RETRY_VEHICLE_SCHEDULE", "3s,6s,12s");
    // the dispatcher and fleet-sync share the application's budget: 60 % and 40 %
    s.put("DISPATCHER_RATE_BUCKET_CAPACITY", "72");
    s.put("DISPATCHER_RATE_REFILL_PER_MINUTE", "1.2");
    if (port != null) {
      s.put("DISPATCHER_PORT", port);
    }
    s.putAll(options.settings());
    return Settings.of(s);
  }

  /** fleet-sync against the stand-in: its connections, its webhook, 40 % of the budget. */
  private Settings fleetSyncSettings(Map<String, String> common, DemoSecrets secrets, String port) {
    Map<String, String> s = new HashMap<>(common);
    s.put("SMARTCAR_CLIENT_ID", secrets.clientId());
    s.put("SMARTCAR_CLIENT_SECRET", secrets.clientSecret());
    s.put("SMARTCAR_API_V3_ORIGIN", sim.v3Origin());
    s.put("SMARTCAR_IAM_ORIGIN", sim.iamOrigin());
    s.put("SMARTCAR_MANAGEMENT_API_ORIGIN", sim.managementOrigin());
    s.put("SMARTCAR_COMPATIBILITY_API_ORIGIN", sim.compatibilityOrigin());
    s.put("SMARTCAR_WEBHOOK_IDS", SimConfig.DEFAULT_WEBHOOK_ID);
    s.put("FLEET_SYNC_INTERVAL", "1m");
    if (port != null) {
      s.put("FLEET_SYNC_PORT", port);
    }
    s.putAll(options.settings());
    return Settings.of(s);
  }

  private SimConfig simConfig(DemoSecrets secrets, long seed) {
    return SimConfig.builder()
        .port(options.freePorts() ? 0 : SimConfig.DEFAULT_PORT)
        .bindAddress(options.bindAddress())
        .credentials(secrets.clientId(), secrets.clientSecret())
        .seed(seed)
        // like the real service, now and then: rate limits and server errors
        .faults(
            FaultProfile.none().withRateLimit(0.03, 1).withServerErrors(0.02).withLatency(20, 300))
        .build();
  }

  private FleetConfig fleetConfig(DemoSecrets secrets) {
    Duration behind =
        options.expectedRun() == null
            ? Duration.ofHours(12)
            : Duration.ofMillis((long) (options.expectedRun().toMillis() * options.timeFactor()));
    return FleetConfig.builder()
        .gatewayUrl("http://localhost:" + gateway.port() + "/webhooks/smartcar")
        .managementToken(secrets.managementToken())
        .vehicles(options.vehicles())
        .seed(history.seedOfNextRun(options.seed()))
        .timeFactor(options.timeFactor())
        .startTime(history.startOfNextRun(Instant.now().minus(behind)))
        .build();
  }

  /** Stops the fleet and records where its clock stopped, so the next run continues after it. */
  private void stopFleet() {
    Instant end = fleet.simulatedNow();
    fleet.close();
    // the counters with every drained delivery, at the simulated time the fleet stopped
    FleetStats last = fleet.stats();
    stoppedFleetStats =
        new FleetStats(
            last.events(),
            last.sent(),
            last.accepted(),
            last.rejected(),
            last.failed(),
            last.retried(),
            last.dropped(),
            last.duplicatesSent(),
            last.pending(),
            end);
    history.save(end);
  }

  private <T extends AutoCloseable> T add(T part) {
    parts.push(part);
    return part;
  }

  public LocalStack stack() {
    return stack;
  }

  public RunningFleet fleet() {
    return fleet;
  }

  /** The fleet's counters: live while it runs, as they were when it stopped afterwards. */
  public FleetStats fleetStats() {
    FleetStats stopped = stoppedFleetStats;
    return stopped != null ? stopped : fleet.stats();
  }

  public SmartcarApiSim sim() {
    return sim;
  }

  public ChargingOrchestrator orchestrator() {
    return orchestrator;
  }

  public DemoMonitor monitor() {
    return monitor;
  }

  /** The interface the HTTP ports listen on ({@code BIND_ADDRESS}). */
  public String bindAddress() {
    return options.bindAddress();
  }

  public int gatewayPort() {
    return gateway.port();
  }

  public int queryPort() {
    return processors.port();
  }

  public int fleetSyncPort() {
    return fleetSync.port();
  }

  public int dispatcherPort() {
    return dispatcher.port();
  }

  /** Closes every part that started, newest first; errors are logged, not thrown. */
  @Override
  public void close() {
    while (!parts.isEmpty()) {
      AutoCloseable part = parts.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn(
            "demo_part_close_failed part={} error={}",
            part.getClass().getSimpleName(),
            e.toString());
      }
    }
  }
}
