package io.smartcarpipeline.dispatcher.api;

import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandType;
import io.vertx.core.json.JsonObject;

/**
 * Path and JSON:API body of each V3 command (docs/smartcar-v3.md §4.1). Commands without parameters
 * send no body.
 */
public final class CommandRoutes {

  private CommandRoutes() {}

  /** The path below the V3 origin, e.g. {@code /vehicles/v1/commands/charge/start}. */
  public static String path(String vehicleId, CommandType type) {
    return "/vehicles/" + urlSegment(vehicleId) + "/commands/" + action(type);
  }

  /** The command's path below {@code /commands/}, e.g. {@code charge/start}. */
  public static String action(CommandType type) {
    return switch (type) {
      case START_CHARGING -> "charge/start";
      case STOP_CHARGING -> "charge/stop";
      case SET_CHARGE_LIMIT -> "charge/set-limit";
      case LOCK -> "security/lock";
      case UNLOCK -> "security/unlock";
      case SET_DESTINATION -> "navigation/set-destination";
    };
  }

  /** The request body, or null for commands without one. */
  public static JsonObject body(CommandType type, CommandParameters p) {
    JsonObject attributes =
        switch (type) {
          case SET_CHARGE_LIMIT -> new JsonObject().put("percent", p.getPercent());
          case SET_DESTINATION ->
              new JsonObject().put("latitude", p.getLatitude()).put("longitude", p.getLongitude());
          default -> null;
        };
    return attributes == null
        ? null
        : new JsonObject().put("data", new JsonObject().put("attributes", attributes));
  }

  private static String urlSegment(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
