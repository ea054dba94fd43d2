package io.smartcarpipeline.processors.domain;

import io.smartcarpipeline.events.VehicleEvent;
import java.util.Locale;

/**
 * Smartcar's {@code meta.mode}: {@code LIVE} for real deliveries, {@code TEST} for the ones a
 * developer sends from the Dashboard (docs/smartcar-v3.md §2.7; a real TEST capture is {@code
 * vw_id_4_test_mode.json}). TEST deliveries are not the car's state: they stay on the events and
 * signals topics but do not move state, sessions or confirmations unless {@code
 * PROCESSORS_INCLUDE_TEST_MODE} says so. A missing mode counts as live.
 */
public final class DeliveryMode {

  public static final String TEST = "TEST";

  private DeliveryMode() {}

  /** Whether the event was sent in TEST mode. */
  public static boolean isTest(VehicleEvent event) {
    return event.getMode() != null && TEST.equals(event.getMode().trim().toUpperCase(Locale.ROOT));
  }
}
