package io.smartcarpipeline.sim.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event the gateway accepted (answered 2xx at least once), as the ledger keeps it.
 *
 * @param values VEHICLE_STATE: code → signal body (plain maps and lists) of each signal with a
 *     value
 * @param oemUpdatedAt code → {@code meta.oemUpdatedAt} (simulated epoch ms)
 * @param retrievedAt {@code retrievedAt} of the event (simulated epoch ms)
 * @param errors VEHICLE_ERROR: {@code TYPE:CODE:STATE}; VEHICLE_STATE: codes sent as ERROR
 * @param firstAcceptedAt wall-clock time of the first 2xx
 */
public record LedgerEvent(
    String eventId,
    String vehicleId,
    String eventType,
    Map<String, Object> values,
    Map<String, Long> oemUpdatedAt,
    long retrievedAt,
    List<String> errors,
    Instant firstAcceptedAt) {

  /** {@code body.value} of a signal, or {@code null}. */
  public Object value(String code) {
    return values.get(code) instanceof Map<?, ?> body ? body.get("value") : null;
  }
}
