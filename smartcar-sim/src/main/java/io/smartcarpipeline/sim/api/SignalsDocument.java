package io.smartcarpipeline.sim.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON:API shape of a V3 signals answer (docs/smartcar-v3.md §6.4), shared by {@link
 * SignalsView} (a vehicle's state) and {@link FleetSignalsView} (what a fleet vehicle reported):
 * one {@code signal} resource per code, and the answer around them (paging meta, links, {@code
 * included.vehicle}).
 */
final class SignalsDocument {

  private SignalsDocument() {}

  /**
   * One {@code signal} resource.
   *
   * @param attributes {@code code, name, group, status} and the body if any
   * @param oemUpdatedAt epoch millis, or null when the car gave none
   */
  static JsonObject signal(
      String vehicleId, JsonObject attributes, long retrievedAt, Object oemUpdatedAt) {
    String code = attributes.getString("code");
    return new JsonObject()
        .put("id", code)
        .put("type", "signal")
        .put("attributes", attributes)
        .put(
            "meta",
            new JsonObject().put("retrievedAt", retrievedAt).put("oemUpdatedAt", oemUpdatedAt))
        .put("links", new JsonObject().put("self", "/vehicles/" + vehicleId + "/signals/" + code));
  }

  /** The {@code attributes} of a signal, without its body. */
  static JsonObject attributes(String code, String name, String group, JsonObject status) {
    return new JsonObject()
        .put("code", code)
        .put("name", name)
        .put("group", group)
        .put("status", status);
  }

  /** The whole answer: every signal on one page. */
  static JsonObject answer(String vehicleId, JsonArray signals, JsonObject includedVehicle) {
    return new JsonObject()
        .put("data", signals)
        .put(
            "meta",
            new JsonObject()
                .put("totalCount", signals.size())
                .put("pageSize", signals.size())
                .put("page", 1))
        .put("links", new JsonObject().put("self", "/vehicles/" + vehicleId + "/signals"))
        .put("included", new JsonObject().put("vehicle", includedVehicle));
  }
}
