package io.smartcarpipeline.sim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.sim.fault.TokenBucket;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /_sim} endpoints for tests and demos: the request log ({@code GET}/{@code DELETE
 * /_sim/requests}), fault rules ({@code GET}/{@code POST /_sim/faults}), the app-wide bucket
 * ({@code POST /_sim/bucket}), vehicles ({@code GET}/{@code POST /_sim/vehicles}, {@code GET
 * /_sim/vehicles/:id}; a vehicle added is a connection and, with auto-enroll on, subscribed to
 * every known webhook), token revocation ({@code POST /_sim/tokens/revoke}), and those of {@link
 * VehicleAdmin}.
 *
 * <p>Rule: a bad body is a 400 {@code {"error":{"code","message"}}} and changes nothing.
 */
public final class AdminHandler {

  private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);

  private final SimServices services;

  public AdminHandler(SimServices services) {
    this.services = services;
  }

  /** Mounts the endpoints (the router must already have a body handler). */
  public void mount(Router router) {
    router.get("/_sim/requests").handler(this::listRequests);
    router.delete("/_sim/requests").handler(this::clearRequests);
    router.get("/_sim/faults").handler(this::getFaults);
    router.post("/_sim/faults").handler(this::setFaults);
    router.post("/_sim/bucket").handler(this::setBucket);
    router.get("/_sim/vehicles").handler(this::listVehicles);
    router.get("/_sim/vehicles/:id").handler(this::getVehicle);
    router.post("/_sim/vehicles").handler(this::addVehicles);
    router.post("/_sim/tokens/revoke").handler(this::revokeTokens);
    new VehicleAdmin(services).mount(router);
  }

  private void listRequests(RoutingContext ctx) {
    String vehicleId = ctx.request().getParam("vehicleId");
    String command = ctx.request().getParam("command");
    JsonArray list = new JsonArray();
    for (LoggedRequest r : services.log().find(vehicleId, command)) {
      list.add(
          new JsonObject()
              .put("time", r.time().toString())
              .put("method", r.method())
              .put("path", r.path())
              .put("vehicleId", r.vehicleId())
              .put("command", r.command())
              .put("userId", r.userId())
              .put("status", r.status())
              .put("state", r.state())
              .put("requestId", r.requestId()));
    }
    SimResponses.json(ctx, 200, list);
  }

  private void clearRequests(RoutingContext ctx) {
    services.log().clear();
    ctx.response().setStatusCode(204).end();
  }

  private void getFaults(RoutingContext ctx) {
    try {
      SimResponses.json(
          ctx, 200, new JsonObject(SimJson.MAPPER.writeValueAsString(services.faults().rules())));
    } catch (JsonProcessingException e) {
      SimResponses.adminError(ctx, 500, "INTERNAL", e.getMessage());
    }
  }

  private void setFaults(RoutingContext ctx) {
    try {
      FaultRules rules = SimJson.MAPPER.readValue(ctx.body().asString(), FaultRules.class);
      services.faults().setRules(rules);
      LOG.info("faults_changed rules={}", rules);
      getFaults(ctx);
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      SimResponses.adminError(ctx, 400, "INVALID_FAULTS", rootMessage(e));
    }
  }

  private void setBucket(RoutingContext ctx) {
    try {
      JsonNode body = SimJson.MAPPER.readTree(ctx.body().asString());
      int capacity = body.path("capacity").asInt(120);
      double refill = body.path("refillPerMinute").asDouble(2);
      services.bucket().set(new TokenBucket(capacity, refill, services.clock()));
      LOG.info("bucket_changed capacity={} refill_per_minute={}", capacity, refill);
      SimResponses.json(
          ctx, 200, new JsonObject().put("capacity", capacity).put("refillPerMinute", refill));
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      SimResponses.adminError(ctx, 400, "INVALID_BUCKET", rootMessage(e));
    }
  }

  private void listVehicles(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    services.fleet().all().forEach(v -> list.add(SimJson.vehicle(v.snapshot())));
    SimResponses.json(ctx, 200, list);
  }

  private void getVehicle(RoutingContext ctx) {
    services
        .fleet()
        .get(ctx.pathParam("id"))
        .ifPresentOrElse(
            v -> SimResponses.json(ctx, 200, SimJson.vehicle(v.snapshot())),
            () -> SimResponses.adminError(ctx, 404, "UNKNOWN_VEHICLE", "no such vehicle"));
  }

  private void addVehicles(RoutingContext ctx) {
    try {
      JsonNode body = SimJson.MAPPER.readTree(ctx.body().asString());
      List<VehicleSpec> specs = new ArrayList<>();
      for (JsonNode node : body.isArray() ? body : List.of(body)) {
        specs.add(SimJson.MAPPER.treeToValue(node, VehicleSpec.class));
      }
      List<SimVehicle> built = specs.stream().map(s -> s.toVehicle(services.fleet())).toList();
      JsonArray added = new JsonArray();
      for (int i = 0; i < built.size(); i++) {
        SimVehicle v = built.get(i);
        VehicleSpec spec = specs.get(i);
        services.fleet().add(v, spec.connectionMode(), spec.isStreamingCapable());
        services.subscriptions().vehicleAdded(v.userId(), v.id());
        added.add(SimJson.vehicle(v.snapshot()));
        LOG.info("vehicle_added vehicle_id={} user_id={}", v.id(), v.userId());
      }
      SimResponses.json(ctx, 201, added);
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      SimResponses.adminError(ctx, 400, "INVALID_VEHICLE", rootMessage(e));
    }
  }

  private void revokeTokens(RoutingContext ctx) {
    services.tokens().revokeAll();
    LOG.info("tokens_revoked");
    ctx.response().setStatusCode(204).end();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
