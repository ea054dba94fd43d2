package io.smartcarpipeline.bench.data;

import io.smartcarpipeline.sim.load.Reading;

/**
 * One vehicle's day as a series of readings: parked, a drive (odometer up, charge down), parked,
 * plugged in and charging (charge up at 7–11 kW), charged, unplugged. Rule: source times rise
 * monotonically over the day; the caller decides in which order they are delivered.
 */
public final class ChargingDay {

  private static final long DAY_MS = 24 * 3600 * 1000L;

  private ChargingDay() {}

  /** Reading {@code k} of {@code n} of vehicle {@code v}'s day starting at {@code dayStart}. */
  public static Reading reading(int v, int k, int n, long dayStart) {
    double f = n <= 1 ? 0 : (double) k / (n - 1);
    int startSoc = 40 + v % 40;
    double odometer = 10_000 + v * 37 % 90_000;
    double power = 7 + v % 5;
    int soc;
    boolean plugged = false;
    boolean charging = false;
    if (f < 0.3) {
      soc = startSoc;
    } else if (f < 0.5) {
      double d = (f - 0.3) / 0.2;
      soc = (int) (startSoc - 25 * d);
      odometer += 120 * d;
    } else if (f < 0.55) {
      soc = startSoc - 25;
      odometer += 120;
    } else if (f < 0.9) {
      double c = (f - 0.55) / 0.35;
      soc = (int) (startSoc - 25 + (80 - startSoc + 25) * c);
      odometer += 120;
      plugged = true;
      charging = true;
    } else {
      soc = 80;
      odometer += 120;
      plugged = k < n - 1;
    }
    return new Reading(
        String.format("veh-%06d", v),
        "user-" + v,
        dayStart + (long) (f * (DAY_MS - 60_000)) + v % 997,
        soc,
        odometer,
        plugged,
        charging,
        charging ? power : 0,
        52.5 + v * 1e-4,
        13.4 + (f > 0.3 && f < 0.5 ? f / 10 : 0),
        !(f > 0.3 && f < 0.5));
  }
}
