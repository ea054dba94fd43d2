package io.smartcarpipeline.sim.fleet;

/**
 * What one simulated vehicle measures at one simulated instant, exact and metric, before rounding
 * and unit conversion for the payload ({@link SignalRenderer}). The exact {@code energyAddedKwh} is
 * the truth the ledger keeps for the charging-session energy check.
 *
 * @param soc state of charge in percent, with its fraction
 * @param energyAddedKwh the car's energy counter: energy put into the battery since the last
 *     plug-in (cumulative over pauses; kept after unplugging until the next plug-in)
 * @param wattage charging power now, W (0 when not charging)
 * @param fastCharger plugged into a DC fast charger (CCS)
 * @param timeToCompleteMinutes minutes to reach the limit at the current power (0 if not charging)
 */
public record Readings(
    boolean asleep,
    boolean locked,
    boolean pluggedIn,
    boolean charging,
    String detailedChargingStatus,
    int chargeLimit,
    double soc,
    double energyAddedKwh,
    double wattage,
    double voltage,
    boolean fastCharger,
    double timeToCompleteMinutes,
    double odometerKm,
    double rangeKm,
    double latitude,
    double longitude,
    int heading,
    boolean atHome) {

  /** Charging current, A. */
  public double amperage() {
    return voltage > 0 ? wattage / voltage : 0;
  }
}
