package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole fleet in one JSON document, as the fleet page and {@code GET /fleet} show it: a summary
 * per vehicle (with its newest command result), the newest sessions across the fleet (newest start
 * first), the newest command results, and totals. Totals count what the query stores keep (a
 * bounded history per vehicle), which the response says in {@code totals.scope}. Pure: the caller
 * reads the stores.
 */
final class FleetView {

  private FleetView() {}

  /**
   * What the fleet page shows beside each vehicle's state: fleet-sync's connection record and where
   * its latest data came from, by vehicle id; a vehicle missing from a map is unknown there.
   */
  record Links(Map<String, VehicleConnection> connections, Map<String, String> dataSources) {
    static final Links NONE = new Links(Map.of(), Map.of());
  }

  static JsonObject build(
      List<VehicleState> states,
      Links links,
      List<ChargingSession> sessions,
      List<CommandResult> commands,
      Map<String, CommandConfirmation> confirmations,
      int sessionLimit,
      int commandLimit,
      Instant now) {
    List<ChargingSession> newestSessions =
        sessions.stream()
            .sorted(
                Comparator.comparing(ChargingSession::getStartedAt)
                    .thenComparing(ChargingSession::getVehicleId)
                    .reversed())
            .toList();
    List<CommandResult> newestCommands =
        commands.stream()
            .sorted(
                Comparator.comparing(CommandResult::getCompletedAt)
                    .thenComparing(CommandResult::getCommandId)
                    .reversed())
            .toList();
    JsonArray vehicles = new JsonArray();
    for (VehicleState s : states) {
      JsonObject v = VehicleSummary.of(s);
      v.put("connection", ConnectionJson.of(links.connections().get(s.getVehicleId())));
      v.put("dataSource", links.dataSources().get(s.getVehicleId()));
      newestCommands.stream()
          .filter(c -> c.getVehicleId().equals(s.getVehicleId()))
          .findFirst()
          .ifPresentOrElse(
              c -> v.put("lastCommand", CommandJson.of(c, confirmations)),
              () -> v.putNull("lastCommand"));
      vehicles.add(v);
    }
    return new JsonObject()
        .put("generatedAt", now.toString())
        .put("totals", totals(vehicles, sessions, commands, confirmations))
        .put("vehicles", vehicles)
        .put("sessions", toJson(newestSessions, sessionLimit))
        .put("commands", commandsJson(newestCommands, confirmations, commandLimit));
  }

  private static JsonArray commandsJson(
      List<CommandResult> commands, Map<String, CommandConfirmation> confirmations, int limit) {
    JsonArray out = new JsonArray();
    commands.stream().limit(limit).forEach(c -> out.add(CommandJson.of(c, confirmations)));
    return out;
  }

  private static JsonObject totals(
      JsonArray vehicles,
      List<ChargingSession> sessions,
      List<CommandResult> commands,
      Map<String, CommandConfirmation> confirmations) {
    int charging = 0;
    int plugged = 0;
    int withErrors = 0;
    for (int i = 0; i < vehicles.size(); i++) {
      JsonObject v = vehicles.getJsonObject(i);
      charging += Boolean.TRUE.equals(v.getBoolean("charging")) ? 1 : 0;
      plugged += Boolean.TRUE.equals(v.getBoolean("plugged")) ? 1 : 0;
      withErrors += v.getJsonArray("openErrors").isEmpty() ? 0 : 1;
    }
    long active = sessions.stream().filter(s -> s.getStatus() == SessionStatus.ACTIVE).count();
    double kwh =
        sessions.stream().mapToDouble(s -> s.getEnergyKwh() == null ? 0.0 : s.getEnergyKwh()).sum();
    Map<String, Object> byStatus = new TreeMap<>();
    commands.forEach(c -> byStatus.merge(c.getStatus().name(), 1, (a, b) -> (int) a + (int) b));
    Map<String, Object> byOutcome = new TreeMap<>();
    confirmations
        .values()
        .forEach(c -> byOutcome.merge(c.getOutcome().name(), 1, (a, b) -> (int) a + (int) b));
    return new JsonObject()
        .put("scope", "query stores: the newest sessions and command results per vehicle")
        .put("vehicles", vehicles.size())
        .put("charging", charging)
        .put("plugged", plugged)
        .put("vehiclesWithErrors", withErrors)
        .put("activeSessions", active)
        .put("finishedSessions", sessions.size() - active)
        .put("energyKwh", Math.round(kwh * 1000.0) / 1000.0)
        .put("commands", commands.size())
        .put("commandsByStatus", new JsonObject(byStatus))
        .put("confirmationsByOutcome", new JsonObject(byOutcome));
  }

  private static JsonArray toJson(
      List<? extends org.apache.avro.generic.IndexedRecord> records, int limit) {
    JsonArray out = new JsonArray();
    records.stream().limit(limit).forEach(r -> out.add(AvroJson.toJson(r)));
    return out;
  }
}
