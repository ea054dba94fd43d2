package io.smartcarpipeline.processors.domain.confirmation;

import io.smartcarpipeline.events.SignalValue;
import java.time.Instant;

/**
 * One reading of a signal as evidence: its value and source times, and the event that carried it
 * (null when read from the folded vehicle state).
 *
 * @param code signal code
 * @param value the typed value (never null)
 * @param oemUpdatedAt recorded by the vehicle, or null
 * @param retrievedAt fetched by Smartcar, or null
 * @param eventId the carrying event, or null
 */
public record SignalReading(
    String code, SignalValue value, Instant oemUpdatedAt, Instant retrievedAt, String eventId) {

  /**
   * The reading's source time: {@code oemUpdatedAt}, else {@code retrievedAt} (some payloads carry
   * no {@code meta}, docs/smartcar-v3.md §2.6 item 6); null when neither is known.
   */
  public Instant sourceTime() {
    return oemUpdatedAt != null ? oemUpdatedAt : retrievedAt;
  }
}
