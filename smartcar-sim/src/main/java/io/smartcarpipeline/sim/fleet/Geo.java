package io.smartcarpipeline.sim.fleet;

/** Flat-earth geometry for short simulated drives: distances, offsets and headings. */
final class Geo {

  private static final double KM_PER_DEGREE = 111.32;

  private Geo() {}

  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dy = (lat2 - lat1) * KM_PER_DEGREE;
    double dx = (lon2 - lon1) * KM_PER_DEGREE * Math.cos(Math.toRadians((lat1 + lat2) / 2));
    return Math.hypot(dx, dy);
  }

  /** The point {@code km} away in direction {@code bearingDegrees} (0 = north, 90 = east). */
  static double[] offset(double lat, double lon, double km, double bearingDegrees) {
    double b = Math.toRadians(bearingDegrees);
    double dLat = km * Math.cos(b) / KM_PER_DEGREE;
    double dLon = km * Math.sin(b) / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    return new double[] {lat + dLat, lon + dLon};
  }

  /** Compass heading from one point to another, 0..359. */
  static int heading(double lat1, double lon1, double lat2, double lon2) {
    double dy = lat2 - lat1;
    double dx = (lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
    double deg = Math.toDegrees(Math.atan2(dx, dy));
    return (int) Math.round((deg + 360) % 360) % 360;
  }
}
