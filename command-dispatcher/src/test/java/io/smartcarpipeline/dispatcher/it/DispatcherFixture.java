package io.smartcarpipeline.dispatcher.it;

import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.dispatcher.CommandProducer;
import io.smartcarpipeline.dispatcher.DispatcherApp;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.vehicle.SimVehicleBuilder;
import io.smartcarpipeline.support.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dispatcher IT runs against: the Smartcar stand-in (no app bucket limit), the dispatcher
 * pointed at it and the embedded broker, a producer of commands and a collector of results. The
 * settings every such test shares are set here; a test adds its own (retry, spacing, …).
 */
final class DispatcherFixture implements AutoCloseable {

  /** How long a test waits for a command's result. */
  static final Duration RESULT_WAIT = Duration.ofSeconds(40);

  private final LocalStack stack;
  private final Settings settings;
  private final SmartcarApiSim sim;
  private final CommandProducer producer;
  private final ResultCollector results;
  private DispatcherApp dispatcher;

  private DispatcherFixture(LocalStack stack, SmartcarApiSim sim, Map<String, String> own) {
    this.stack = stack;
    this.sim = sim;
    Map<String, String> s = new HashMap<>();
    s.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
    s.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
    s.put("SMARTCAR_CLIENT_ID", "client_sim");
    s.put("SMARTCAR_CLIENT_SECRET", "sim-secret");
    s.put("SMARTCAR_API_V3_ORIGIN", sim.v3Origin());
    s.put("SMARTCAR_IAM_ORIGIN", sim.iamOrigin());
    s.put("DISPATCHER_PORT", "0");
    s.put("DISPATCHER_INSTANCE_ID", "it-0");
    s.put("DISPATCHER_READ_TIMEOUT", "5s");
    s.putAll(own);
    this.settings = Settings.of(s);
    this.dispatcher = DispatcherApp.start(settings);
    this.producer = new CommandProducer(stack.bootstrapServers(), stack.schemaRegistryUrl());
    this.results = new ResultCollector(stack.bootstrapServers(), stack.schemaRegistryUrl());
  }

  /**
   * Starts the stand-in with this seed, then the dispatcher in consumer group {@code groupId} with
   * the shared settings plus {@code settings}.
   */
  static DispatcherFixture start(
      LocalStack stack, long simSeed, String groupId, Map<String, String> settings) {
    SmartcarApiSim sim =
        SmartcarApiSim.start(SimConfig.builder().port(0).bucket(0, 0).seed(simSeed).build());
    Map<String, String> own = new HashMap<>(settings);
    own.put("DISPATCHER_GROUP_ID", groupId);
    try {
      return new DispatcherFixture(stack, sim, own);
    } catch (RuntimeException e) {
      sim.close();
      throw e;
    }
  }

  LocalStack stack() {
    return stack;
  }

  SmartcarApiSim sim() {
    return sim;
  }

  DispatcherApp dispatcher() {
    return dispatcher;
  }

  CommandProducer producer() {
    return producer;
  }

  ResultCollector results() {
    return results;
  }

  /** Closes the dispatcher (a restart: {@link #startDispatcher()} starts a new one). */
  void stopDispatcher() {
    dispatcher.close();
  }

  /** Starts a new dispatcher with the same settings and group. */
  void startDispatcher() {
    dispatcher = DispatcherApp.start(settings);
  }

  /** Adds a stand-in vehicle of user {@code user-<id>}, plugged in at 40 %. */
  void addVehicle(String id) {
    sim.vehicles().add(vehicle(id).build());
  }

  /** The builder {@link #addVehicle(String)} uses, for a test to set more before adding. */
  SimVehicleBuilder vehicle(String id) {
    return sim.vehicles().builder(id, "user-" + id).pluggedIn(true).soc(40);
  }

  /** Waits until every one of these commands has a result; the results by command id. */
  Map<String, List<CommandResult>> awaitResults(List<String> ids) {
    return await()
        .atMost(RESULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> results.poll(ids), r -> r.keySet().containsAll(ids));
  }

  /** How often the stand-in was called for this vehicle and command (wire name, or signals). */
  int calls(String vehicle, String command) {
    return sim.requests().count(vehicle, command);
  }

  @Override
  public void close() {
    results.close();
    producer.close();
    dispatcher.close();
    sim.close();
  }
}
