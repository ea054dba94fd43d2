package io.smartcarpipeline.gateway.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcarpipeline.events.ErrorState;
import io.smartcarpipeline.events.VehicleError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@code data.errors[]} of a VEHICLE_ERROR delivery into {@link VehicleError}s
 * (docs/smartcar-v3.md §2.4). Rule: every entry is kept; its affected signals are read whether they
 * come as objects or dotted strings, and {@code resolution} may be {@code {"type":null}}.
 */
final class VehicleErrorMapper {

  private VehicleErrorMapper() {}

  static List<VehicleError> map(JsonNode errors, Instant reportedAt) {
    List<VehicleError> out = new ArrayList<>();
    if (errors == null || !errors.isArray()) {
      return out;
    }
    for (JsonNode e : errors) {
      String type = Json.text(e, "type");
      out.add(
          VehicleError.newBuilder()
              .setType(type == null ? "UNKNOWN" : type)
              .setCode(Json.text(e, "code"))
              .setState(state(Json.text(e, "state")))
              .setDescription(Json.text(e, "description"))
              .setSuggestedUserMessage(Json.text(e, "suggestedUserMessage"))
              .setDocUrl(Json.firstText(e, "docURL", "docUrl"))
              .setResolutionType(resolution(e.get("resolution")))
              .setSignals(SignalRefs.refs(e.get("signals")))
              .setReportedAt(reportedAt)
              .build());
    }
    return out;
  }

  private static ErrorState state(String state) {
    if (state == null) {
      return ErrorState.UNKNOWN;
    }
    return switch (state.trim().toUpperCase(Locale.ROOT)) {
      case "ERROR" -> ErrorState.ERROR;
      case "RESOLVED" -> ErrorState.RESOLVED;
      default -> ErrorState.UNKNOWN;
    };
  }

  private static String resolution(JsonNode resolution) {
    if (resolution == null || resolution.isNull()) {
      return null;
    }
    return resolution.isTextual() ? resolution.asText() : Json.text(resolution, "type");
  }
}
