package io.smartcarpipeline.smartcar.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads the JSON:API lists of the connection and management APIs tolerantly (docs/smartcar-v3.md
 * §6): ids may sit in {@code attributes}, in {@code relationships.<x>.data.id} or in the resource
 * {@code id}; vehicle details may be flat or nested under {@code attributes.vehicle}; a missing
 * field is null; an item without a vehicle id is skipped and counted, never an error. Plain Java,
 * no I/O.
 */
public final class FleetJson {

  private FleetJson() {}

  /** A page of {@code GET /connections}. */
  public static Page<Connection> connections(String body) {
    return page(body, FleetJson::connection);
  }

  /** A page of a subscription listing (either path style). */
  public static Page<Subscription> subscriptions(String body) {
    return page(body, FleetJson::subscription);
  }

  /** The webhook's {@code status} attribute (e.g. ENABLED), or null. */
  public static String webhookStatus(String body) {
    JsonObject root = Json.object(body);
    return root == null
        ? null
        : Json.firstText(
            root, new String[] {"data", "attributes", "status"}, new String[] {"status"});
  }

  static Connection connection(JsonObject item) {
    String vehicleId =
        Json.firstText(
            item,
            new String[] {"attributes", "vehicleId"},
            new String[] {"relationships", "vehicle", "data", "id"},
            new String[] {"attributes", "vehicle", "id"},
            new String[] {"vehicleId"},
            new String[] {"id"});
    if (vehicleId == null) {
      return null;
    }
    String mode =
        Json.firstText(
            item,
            new String[] {"attributes", "mode"},
            new String[] {"attributes", "vehicle", "mode"},
            new String[] {"attributes", "vehicleMode"});
    return new Connection(
        vehicleId,
        Json.firstText(
            item,
            new String[] {"attributes", "userId"},
            new String[] {"relationships", "user", "data", "id"},
            new String[] {"attributes", "user", "id"},
            new String[] {"userId"}),
        Json.firstText(
            item,
            new String[] {"attributes", "make"},
            new String[] {"attributes", "vehicle", "make"}),
        Json.firstText(
            item,
            new String[] {"attributes", "model"},
            new String[] {"attributes", "vehicle", "model"}),
        firstInt(
            item,
            new String[] {"attributes", "year"},
            new String[] {"attributes", "vehicle", "year"}),
        mode == null ? null : mode.toLowerCase(Locale.ROOT),
        Json.instant(item, "attributes", "connectedAt") != null
            ? Json.instant(item, "attributes", "connectedAt")
            : Json.instant(item, "meta", "createdAt"));
  }

  static Subscription subscription(JsonObject item) {
    String vehicleId =
        Json.firstText(
            item,
            new String[] {"relationships", "vehicle", "data", "id"},
            new String[] {"attributes", "vehicleId"},
            new String[] {"attributes", "vehicle", "id"},
            new String[] {"vehicleId"});
    if (vehicleId == null) {
      return null;
    }
    return new Subscription(
        Json.text(item, "id"),
        Json.firstText(
            item,
            new String[] {"relationships", "webhook", "data", "id"},
            new String[] {"attributes", "webhookId"}),
        vehicleId,
        Json.firstText(
            item,
            new String[] {"relationships", "user", "data", "id"},
            new String[] {"attributes", "userId"}));
  }

  private static Integer firstInt(JsonObject o, String[]... paths) {
    for (String[] path : paths) {
      Integer v = Json.integer(o, path);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static <T> Page<T> page(String body, Function<JsonObject, T> read) {
    JsonObject root = Json.object(body);
    if (root == null) {
      return new Page<>(List.of(), 0, false, null);
    }
    JsonArray data = Json.arr(root, "data");
    List<T> items = new ArrayList<>();
    int unreadable = 0;
    if (data != null) {
      for (Object element : data) {
        T item = element instanceof JsonObject o ? read.apply(o) : null;
        if (item == null) {
          unreadable++;
        } else {
          items.add(item);
        }
      }
    }
    boolean hasNext = Json.text(root, "links", "next") != null;
    Integer total =
        Json.integer(root, "meta", "totalCount") != null
            ? Json.integer(root, "meta", "totalCount")
            : Json.integer(root, "meta", "total");
    return new Page<>(items, unreadable, hasNext, total);
  }
}
