package io.smartcarpipeline.sim.fleet;

/**
 * Charging power as a function of the state of charge, like a real battery management system: AC
 * charging is flat at the onboard charger's power up to 90 % and tapers linearly to 30 % of it at
 * 100 %; DC fast charging holds its peak up to 50 %, falls to 45 % of the peak at 80 % and to 10 %
 * at 100 %. Plain Java; the rule it enforces is that power never rises as the battery fills.
 */
public final class PowerCurve {

  private PowerCurve() {}

  /**
   * Power in kW at this state of charge.
   *
   * @param maxKw the charger's (AC) or the car's (DC) peak power
   * @param dc whether this is a DC fast charger
   */
  public static double kilowatts(double socPercent, double maxKw, boolean dc) {
    double soc = Math.max(0, Math.min(100, socPercent));
    if (!dc) {
      return soc <= 90 ? maxKw : maxKw * lerp(soc, 90, 100, 1.0, 0.3);
    }
    if (soc <= 50) {
      return maxKw;
    }
    if (soc <= 80) {
      return maxKw * lerp(soc, 50, 80, 1.0, 0.45);
    }
    return maxKw * lerp(soc, 80, 100, 0.45, 0.10);
  }

  private static double lerp(double x, double x0, double x1, double y0, double y1) {
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
  }
}
