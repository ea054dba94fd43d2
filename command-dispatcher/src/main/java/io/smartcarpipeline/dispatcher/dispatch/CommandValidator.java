package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;

/**
 * Rejects requests that cannot be sent as they are, before any call: missing ids, and parameters
 * out of the ranges of docs/smartcar-v3.md §4.1 (charge limit 50–100 %, latitude ±90, longitude
 * ±180).
 */
final class CommandValidator {

  private CommandValidator() {}

  /** Null when the request is valid, else why not. */
  static String problem(CommandRequest r) {
    if (blank(r.getCommandId()) || blank(r.getVehicleId()) || blank(r.getUserId())) {
      return "commandId, vehicleId and userId are required";
    }
    if (r.getType() == null) {
      return "type is required";
    }
    CommandParameters p = r.getParameters();
    return switch (r.getType()) {
      case SET_CHARGE_LIMIT ->
          p == null || p.getPercent() == null || p.getPercent() < 50 || p.getPercent() > 100
              ? "SET_CHARGE_LIMIT needs parameters.percent from 50 to 100"
              : null;
      case SET_DESTINATION ->
          p == null
                  || p.getLatitude() == null
                  || p.getLongitude() == null
                  || Math.abs(p.getLatitude()) > 90
                  || Math.abs(p.getLongitude()) > 180
                  || p.getLatitude().isNaN()
                  || p.getLongitude().isNaN()
              ? "SET_DESTINATION needs parameters.latitude (-90..90) and longitude (-180..180)"
              : null;
      default -> null;
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
