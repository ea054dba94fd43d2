package io.smartcarpipeline.fleetsync.gapfill;

import java.util.Locale;

/**
 * What gap-filling knows of a vehicle to decide how often it may be read: make, model and year from
 * its connection, and whether a virtual key is known to be installed. Any field may be null.
 *
 * @param make e.g. TESLA (any case)
 * @param model e.g. Model 3
 * @param year model year
 * @param virtualKeyPresent true only when a command succeeded after a VIRTUAL_KEY_REQUIRED, i.e.
 *     the key is known to be there; false when it is required or not known
 */
public record VehicleProfile(String make, String model, Integer year, boolean virtualKeyPresent) {

  /** A profile with nothing known: not a Tesla as far as we can tell. */
  public static VehicleProfile unknown() {
    return new VehicleProfile(null, null, null, false);
  }

  /**
   * A Tesla that can stream (docs/smartcar-v3.md §7): every Tesla but a Model S or X of 2020 or
   * earlier. A Tesla whose model or year is unknown counts as streaming-capable, the cautious side:
   * treating it as limited costs freshness, the other way round costs 429s and billing.
   */
  public boolean streamingCapableTesla() {
    if (make == null || !make.trim().toUpperCase(Locale.ROOT).equals("TESLA")) {
      return false;
    }
    String m = model == null ? "" : model.trim().toUpperCase(Locale.ROOT).replace("MODEL", "");
    boolean sOrX = m.trim().equals("S") || m.trim().equals("X");
    return !(sOrX && year != null && year <= 2020);
  }

  /** Whether Tesla's "one data request every 8 hours" limit applies to this vehicle. */
  public boolean limitedToOneReadPer8Hours() {
    return streamingCapableTesla() && !virtualKeyPresent;
  }
}
