package io.smartcarpipeline.sim.fleet;

import io.smartcarpipeline.sim.vehicle.VehicleSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * One drive in a straight line at a constant speed between two points; where the car is at any
 * instant of it.
 *
 * @param toHome ends at the vehicle's home
 * @param toFastCharger ends at a DC fast charger
 */
record Trip(
    double fromLatitude,
    double fromLongitude,
    double toLatitude,
    double toLongitude,
    Instant departure,
    Instant arrival,
    boolean toHome,
    boolean toFastCharger) {

  /** A trip from where the car is to a point, at 35..80 km/h, at least 5 minutes long. */
  static Trip to(
      VehicleSnapshot s,
      double lat,
      double lon,
      boolean toHome,
      boolean toFastCharger,
      Random random,
      Instant now) {
    return between(s.latitude(), s.longitude(), lat, lon, toHome, toFastCharger, random, now);
  }

  private static Trip between(
      double fromLat,
      double fromLon,
      double lat,
      double lon,
      boolean toHome,
      boolean toFastCharger,
      Random random,
      Instant now) {
    double km = Geo.distanceKm(fromLat, fromLon, lat, lon);
    double kmh = 35 + 45 * random.nextDouble();
    long seconds = Math.max(300, Math.round(km / kmh * 3600));
    return new Trip(
        fromLat,
        fromLon,
        lat,
        lon,
        now,
        now.plus(Duration.ofSeconds(seconds)),
        toHome,
        toFastCharger);
  }

  /**
   * A trip from where the car is to a point 3..25 km away, or (one trip in six) a motorway trip of
   * 80..200 km at 90..120 km/h.
   */
  static Trip away(VehicleSnapshot s, Random random, Instant now, DayPlan plan) {
    boolean motorway = random.nextInt(6) == 0;
    double km = motorway ? plan.between(80, 200) : plan.between(3, 25);
    double[] to = Geo.offset(s.latitude(), s.longitude(), km, plan.between(0, 360));
    if (!motorway) {
      return to(s, to[0], to[1], false, false, random, now);
    }
    long seconds = Math.round(km / plan.between(90, 120) * 3600);
    return new Trip(
        s.latitude(), s.longitude(), to[0], to[1], now, now.plusSeconds(seconds), false, false);
  }

  /** A trip to a fast charger 2..8 km away. */
  static Trip toFastCharger(VehicleSnapshot s, Random random, Instant now) {
    double[] to =
        Geo.offset(
            s.latitude(), s.longitude(), 2 + 6 * random.nextDouble(), 360 * random.nextDouble());
    return to(s, to[0], to[1], false, true, random, now);
  }

  /** A trip home from a point 5..15 km away (the start of a fleet that begins on the road). */
  static Trip homeward(VehicleProfile p, Random random, Instant now, DayPlan plan) {
    double[] from =
        Geo.offset(p.homeLatitude(), p.homeLongitude(), plan.between(5, 15), plan.between(0, 360));
    return between(from[0], from[1], p.homeLatitude(), p.homeLongitude(), true, false, random, now);
  }

  /** Where the car is at {@code now} (the destination once arrived). */
  double[] positionAt(Instant now) {
    double total = Duration.between(departure, arrival).toMillis();
    double done = Duration.between(departure, now).toMillis();
    double f = total <= 0 ? 1 : Math.max(0, Math.min(1, done / total));
    return new double[] {
      fromLatitude + (toLatitude - fromLatitude) * f,
      fromLongitude + (toLongitude - fromLongitude) * f
    };
  }

  int heading() {
    return Geo.heading(fromLatitude, fromLongitude, toLatitude, toLongitude);
  }
}
