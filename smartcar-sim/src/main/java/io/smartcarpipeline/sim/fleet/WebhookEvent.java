package io.smartcarpipeline.sim.fleet;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event the fleet sends: the body without its per-attempt {@code meta}, and what it says, for
 * the {@link FleetLedger}. Every attempt and duplicate of it carries the same {@code eventId}.
 *
 * @param body the event without {@code meta} (see {@link WebhookPayloads#withMeta})
 * @param values VEHICLE_STATE: code → body of every signal read successfully
 * @param oemUpdatedAt VEHICLE_STATE: code → {@code meta.oemUpdatedAt} (epoch ms)
 * @param retrievedAt the event's {@code retrievedAt} (epoch ms on the fleet's {@link ReportClock})
 * @param errors VEHICLE_ERROR: {@code TYPE:CODE:STATE} of each error; VEHICLE_STATE: codes of the
 *     signals sent as ERROR
 */
public record WebhookEvent(
    String eventId,
    String vehicleId,
    String eventType,
    JsonObject body,
    Map<String, Object> values,
    Map<String, Long> oemUpdatedAt,
    long retrievedAt,
    List<String> errors,
    Instant createdAt) {

  public WebhookEvent {
    values = Map.copyOf(values);
    oemUpdatedAt = Map.copyOf(oemUpdatedAt);
    errors = List.copyOf(errors);
  }

  public boolean isVehicleState() {
    return "VEHICLE_STATE".equals(eventType);
  }
}
