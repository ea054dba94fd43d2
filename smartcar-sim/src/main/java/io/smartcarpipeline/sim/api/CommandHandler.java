package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.SmartcarError;
import io.smartcarpipeline.sim.fault.FaultDecision;
import io.smartcarpipeline.sim.fleet.RunningFleet;
import io.smartcarpipeline.sim.vehicle.CommandOutcome;
import io.smartcarpipeline.sim.vehicle.CommandParams;
import io.smartcarpipeline.sim.vehicle.CommandType;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v3/vehicles/{id}/commands/…}: the six V3 commands (docs/smartcar-v3.md §4). Steps:
 * {@code admit} (guard), {@code parse} (body), {@code fault} (draw), wait the injected latency on a
 * timer, then {@code act}: drop, answer an injected error, answer long-running, or run the command
 * on the vehicle and answer {@code command-execution} or the vehicle's error.
 *
 * <p>Rules: injected faults never change vehicle state, except a 504, which runs the command and
 * then answers the gateway timeout (the ambiguous outcome of §5.2), and PENDING, which answers at
 * once and runs the command after the hold (a 504-before answers without running it); a
 * long-running answer sends 202 headers at once (chunked, no Content-Length), runs the command when
 * the hold ends and streams the final body (success or error envelope) on the same connection.
 * Never blocks the event loop.
 */
public final class CommandHandler {

  private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

  private final Vertx vertx;
  private final SimServices services;
  private final RouteGuard guard;
  private final AtomicLong executions = new AtomicLong();

  public CommandHandler(Vertx vertx, SimServices services) {
    this.vertx = vertx;
    this.services = services;
    this.guard = new RouteGuard(services);
  }

  /** Route handler for one command type. */
  public void handle(RoutingContext ctx, CommandType type) {
    String vehicleId = ctx.pathParam("id");
    SimVehicle vehicle = guard.admitVehicle(ctx, vehicleId).orElse(null);
    if (vehicle == null) {
      return;
    }
    CommandParams.Parsed parsed = parse(ctx, type);
    if (parsed.error() != null) {
      SimResponses.error(ctx, parsed.error());
      return;
    }
    FaultDecision fault =
        services.faults().decide(vehicleId, type.wireName(), services.clock().instant());
    after(fault.latencyMs(), () -> act(ctx, vehicle, type, parsed.params(), fault));
  }

  private static CommandParams.Parsed parse(RoutingContext ctx, CommandType type) {
    Map<String, Object> body;
    try {
      body = SimJson.readObject(ctx.body().asString());
    } catch (IOException e) {
      return new CommandParams.Parsed(
          null,
          SmartcarError.validation(
              "The request body is not a JSON object.", List.of("body is not a JSON object")));
    }
    return CommandParams.parse(type, body);
  }

  private void act(
      RoutingContext ctx,
      SimVehicle vehicle,
      CommandType type,
      CommandParams params,
      FaultDecision fault) {
    if (ctx.response().closed()) {
      return;
    }
    switch (fault.kind()) {
      case DROP -> drop(ctx);
      case RATE_LIMIT, SERVER_ERROR, UPSTREAM, OEM_RATE_LIMIT ->
          SimResponses.error(ctx, fault.error());
      case LONG_RUNNING -> longRunning(ctx, vehicle, type, params, fault);
      case GATEWAY_TIMEOUT -> {
        run(ctx, vehicle, type, params, services.clock().instant(), reportFrom(vehicle, fault));
        gatewayTimeout(ctx);
      }
      case GATEWAY_TIMEOUT_BEFORE -> gatewayTimeout(ctx);
      case PENDING -> pending(ctx, vehicle, type, params, fault);
      case NONE -> {
        Instant executedAt = services.clock().instant();
        JsonObject body = run(ctx, vehicle, type, params, executedAt, reportFrom(vehicle, fault));
        SimResponses.json(ctx, statusOf(body), body);
      }
    }
  }

  /** A gateway's 504: the caller cannot tell whether the command ran. */
  static void gatewayTimeout(RoutingContext ctx) {
    SimResponses.json(ctx, 504, new JsonObject().put("message", "Endpoint request timed out"));
  }

  /** Closes the connection without an answer (the caller sees a reset / EOF). */
  static void drop(RoutingContext ctx) {
    RequestTracker.markDropped(ctx);
    LOG.info("request_dropped request_id={}", RequestTracker.requestId(ctx));
    ctx.request().connection().close();
  }

  /** Answers PENDING at once; the car carries the command out after the hold. */
  private void pending(
      RoutingContext ctx,
      SimVehicle vehicle,
      CommandType type,
      CommandParams params,
      FaultDecision fault) {
    String executionId = "exec_" + (1_000_000_000L + executions.incrementAndGet());
    JsonObject body =
        SimJson.commandExecution(
            executionId, type, params, services.clock().instant(), services.clock().instant());
    body.getJsonObject("data")
        .getJsonObject("attributes")
        .put("status", new JsonObject().put("value", "PENDING"))
        .put("executionMode", "async");
    SimResponses.json(ctx, 200, body);
    after(
        fault.longRunningMs(),
        () -> {
          CommandOutcome outcome = vehicle.execute(type, params, reportFrom(vehicle, fault));
          LOG.info(
              "command_pending_done vehicle_id={} command={} execution_id={} executed={}",
              vehicle.id(),
              type.wireName(),
              executionId,
              outcome.succeeded());
        });
  }

  private void longRunning(
      RoutingContext ctx,
      SimVehicle vehicle,
      CommandType type,
      CommandParams params,
      FaultDecision fault) {
    long holdMs = fault.longRunningMs();
    Instant executedAt = services.clock().instant();
    HttpServerResponse response =
        ctx.response()
            .setStatusCode(202)
            .setChunked(true)
            .putHeader("Content-Type", "application/json");
    response.writeHead();
    after(
        holdMs,
        () -> {
          if (!response.closed()) {
            response.end(
                run(ctx, vehicle, type, params, executedAt, reportFrom(vehicle, fault)).encode());
          }
        });
  }

  /** Runs the command and returns the final body: command-execution or error envelope. */
  private JsonObject run(
      RoutingContext ctx,
      SimVehicle vehicle,
      CommandType type,
      CommandParams params,
      Instant executedAt,
      Instant reportFrom) {
    CommandOutcome outcome = vehicle.execute(type, params, reportFrom);
    String requestId = RequestTracker.requestId(ctx);
    if (!outcome.succeeded()) {
      LOG.info(
          "command_refused vehicle_id={} command={} code={} request_id={}",
          vehicle.id(),
          type.wireName(),
          outcome.error().code(),
          requestId);
      return SimResponses.envelope(outcome.error(), requestId);
    }
    String executionId = "exec_" + (1_000_000_000L + executions.incrementAndGet());
    LOG.info(
        "command_executed vehicle_id={} command={} execution_id={} request_id={}",
        vehicle.id(),
        type.wireName(),
        executionId,
        requestId);
    return SimJson.commandExecution(
        executionId, type, params, executedAt, services.clock().instant());
  }

  /**
   * From when the car reports the change of a command it runs now: the fault's {@code reportFrom};
   * for a vehicle of the running fleet never sooner than {@link RunningFleet#REPORT_LATENCY} after
   * now, so the webhook that shows the change is stamped after the caller's own completion time.
   */
  private Instant reportFrom(SimVehicle vehicle, FaultDecision fault) {
    RunningFleet fleet = services.runningFleet().get();
    if (fleet == null || !fleet.has(vehicle.id())) {
      return fault.reportFrom();
    }
    Instant earliest = services.clock().instant().plus(RunningFleet.REPORT_LATENCY);
    Instant from = fault.reportFrom();
    return from == null || from.isBefore(earliest) ? earliest : from;
  }

  private static int statusOf(JsonObject body) {
    return body.containsKey("data") ? 200 : body.getInteger("statusCode");
  }

  private void after(long delayMs, Runnable action) {
    if (delayMs <= 0) {
      action.run();
    } else {
      vertx.setTimer(delayMs, id -> action.run());
    }
  }
}
