package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.dispatcher.CommandProducer;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.launcher.demo.Demo;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.smartcarpipeline.support.config.BindAddress;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's "done when" on the whole demo in-process (embedded broker and registry, gateway,
 * stream processors with the query API, dispatcher, Smartcar stand-in with its fleet at the demo's
 * time factor, the example orchestrator): a command whose effect the simulated car reports shows
 * CONFIRMED on {@code /fleet} and {@code /vehicles/{id}/commands}, with the car's webhook reading
 * as evidence; a command on a car under the stand-in's {@code neverReports} fault shows UNCONFIRMED
 * once the (shortened) confirmation window has passed, although the car did carry it out. Both cars
 * are plugged in at home at the start (they stay put for simulated hours, so only the commands
 * change their locks; the orchestrator never locks or unlocks).
 */
class DemoCommandConfirmationIT {

  private static final double TIME_FACTOR = 60; // the demo's default: a day in 24 minutes
  private static final Duration WINDOW = Duration.ofSeconds(20);
  private static final String REPORTING = "veh-0001"; // index 0: plugged in at home, waiting
  private static final String SILENT = "veh-0005"; // index 4: the same, a Volkswagen
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(90);

  @TempDir static Path dataDir;
  private static Demo demo;
  private static QueryApiClient api;
  private static CommandProducer producer;

  @BeforeAll
  static void startTheDemo() {
    demo =
        Demo.start(
            new Demo.Options(
                8,
                dataDir,
                true,
                TIME_FACTOR,
                Duration.ofMinutes(3),
                3,
                BindAddress.LOOPBACK,
                Map.of(
                    ProcessorsConfig.CONFIRMATION_WINDOW,
                    WINDOW.toSeconds() + "s",
                    ProcessorsConfig.CONFIRMATION_CHECK_INTERVAL,
                    "1s")));
    SmartcarApiSim sim = demo.sim();
    sim.setFaults(sim.faults().withVehicle(SILENT, FaultProfile.none().withNeverReports()));
    api = new QueryApiClient(demo.queryPort());
    producer =
        new CommandProducer(demo.stack().bootstrapServers(), demo.stack().schemaRegistryUrl());
  }

  @AfterAll
  static void stopTheDemo() {
    if (producer != null) {
      producer.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void shouldConfirmACommandOnceTheCarReportsItsEffect() {
    // given: a command that changes the car's lock
    SimVehicle car = demo.sim().vehicles().require(REPORTING);
    boolean lockedBefore = car.snapshot().locked();
    CommandResult result = succeeded(toggleLock(car));
    // then: the car reports the change and the query API shows the confirmation
    JsonObject confirmation = awaitDecided(result);
    assertThat(confirmation.getString("outcome")).isEqualTo("CONFIRMED");
    JsonObject evidence = confirmation.getJsonObject("evidence");
    assertThat(evidence.getString("signal")).isEqualTo("closure-islocked");
    assertThat(evidence.getString("value")).isEqualTo(String.valueOf(!lockedBefore));
    assertThat(Instant.parse(evidence.getString("oemUpdatedAt")))
        .as("the evidence was reported after the command completed")
        .isAfter(result.getCompletedAt());
    assertThat(fleetRow(result).getJsonObject("confirmation").getString("outcome"))
        .as("the fleet page's row of the command")
        .isEqualTo("CONFIRMED");
  }

  @Test
  void shouldLeaveACommandUnconfirmedWhenTheCarNeverReportsIt() {
    // given: a car under neverReports
    SimVehicle car = demo.sim().vehicles().require(SILENT);
    boolean lockedBefore = car.snapshot().locked();
    CommandResult result = succeeded(toggleLock(car));
    // then: the car did it, never said so, and the window ends without evidence
    assertThat(car.snapshot().locked())
        .as("the car carried the command out")
        .isNotEqualTo(lockedBefore);
    JsonObject[] row = new JsonObject[1];
    await("the result on the query API")
        .atMost(WINDOW.dividedBy(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> (row[0] = commandRow(SILENT, result)) != null);
    assertThat(row[0].getJsonObject("confirmation").getString("outcome"))
        .as("while the window runs")
        .isEqualTo("AWAITING");
    JsonObject confirmation = awaitDecided(result);
    assertThat(confirmation.getString("outcome")).isEqualTo("UNCONFIRMED");
    assertThat(confirmation.getValue("evidence")).isNull();
    assertThat(Instant.parse(confirmation.getString("decidedAt")))
        .as("decided only after the window")
        .isAfterOrEqualTo(result.getCompletedAt().plus(WINDOW));
    assertThat(fleetRow(result).getJsonObject("confirmation").getString("outcome"))
        .isEqualTo("UNCONFIRMED");
    assertThat(fleetLocked(SILENT))
        .as("closure-islocked as the pipeline knows the silent car")
        .isEqualTo(lockedBefore);
  }

  private static CommandRequest toggleLock(SimVehicle car) {
    CommandType type = car.snapshot().locked() ? CommandType.UNLOCK : CommandType.LOCK;
    return CommandProducer.request(
        type, car.id(), car.userId(), null, null, null, Duration.ofMinutes(2));
  }

  private static CommandResult succeeded(CommandRequest request) {
    Optional<CommandResult> result = producer.sendAndWait(request, RESULT_TIMEOUT);
    assertThat(result)
        .as("result of " + request.getType() + " on " + request.getVehicleId())
        .isPresent();
    assertThat(result.get().getStatus())
        .as(CommandProducer.toJson(result.get()))
        .isEqualTo(CommandStatus.SUCCEEDED);
    return result.get();
  }

  /** The decided confirmation of the command, from {@code /vehicles/{id}/commands}. */
  private static JsonObject awaitDecided(CommandResult result) {
    JsonObject[] decided = new JsonObject[1];
    await("confirmation of " + result.getType() + " on " + result.getVehicleId())
        .atMost(WINDOW.plusSeconds(40))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonObject row = commandRow(result.getVehicleId(), result);
              JsonObject c = row == null ? null : row.getJsonObject("confirmation");
              decided[0] = c;
              return c != null && !"AWAITING".equals(c.getString("outcome"));
            });
    return decided[0];
  }

  private static JsonObject commandRow(String vehicleId, CommandResult result) {
    JsonArray rows =
        api.get("/vehicles/" + vehicleId + "/commands?limit=50").getJsonArray("commands");
    return find(rows, result);
  }

  private static JsonObject fleetRow(CommandResult result) {
    JsonObject row =
        find(api.get("/fleet?sessions=1&commands=100").getJsonArray("commands"), result);
    assertThat(row).as("the command on /fleet").isNotNull();
    return row;
  }

  private static JsonObject find(JsonArray rows, CommandResult result) {
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      if (result.getCommandId().equals(row.getString("commandId"))) {
        return row;
      }
    }
    return null;
  }

  /** The vehicle's {@code locked} on {@code /fleet}: its newest closure-islocked reading. */
  private static Boolean fleetLocked(String vehicleId) {
    JsonArray vehicles = api.get("/fleet?sessions=1&commands=1").getJsonArray("vehicles");
    for (int i = 0; i < vehicles.size(); i++) {
      JsonObject v = vehicles.getJsonObject(i);
      if (vehicleId.equals(v.getString("vehicleId"))) {
        return v.getBoolean("locked");
      }
    }
    throw new AssertionError(vehicleId + " is not on /fleet");
  }
}
