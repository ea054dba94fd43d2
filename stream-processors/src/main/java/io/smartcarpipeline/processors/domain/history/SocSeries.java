package io.smartcarpipeline.processors.domain.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A vehicle's recent state of charge over source time, for the fleet page's chart: a bounded list
 * of points, oldest first. A point is kept only if it is newer (source time) than the last one and
 * says something new (another SoC, the charging flag flipped, or {@link #HEARTBEAT_MS} since the
 * last point, so a flat line is drawn flat rather than as a late diagonal). When full, the oldest
 * point goes. Stored per vehicle as JSON, hence the public fields and no-arg constructor.
 */
public final class SocSeries {

  /** A point is kept anyway when the previous one is this old (source time). */
  public static final long HEARTBEAT_MS = 15 * 60 * 1000L;

  public List<Point> points = new ArrayList<>();

  /** One SoC reading. */
  public static final class Point {
    /** Source time of the SoC reading, epoch millis. */
    public long t;

    /** Percent. */
    public double soc;

    /** Whether the vehicle was charging at that time (null if unknown). */
    public Boolean charging;

    public Point() {}

    public Point(long t, double soc, Boolean charging) {
      this.t = t;
      this.soc = soc;
      this.charging = charging;
    }
  }

  /**
   * Adds the point if it is news; returns whether the series changed. {@code capacity} bounds the
   * number of points kept.
   */
  public boolean offer(Point p, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    Point last = points.isEmpty() ? null : points.get(points.size() - 1);
    if (last != null && !isNews(last, p)) {
      return false;
    }
    points.add(p);
    while (points.size() > capacity) {
      points.remove(0);
    }
    return true;
  }

  private static boolean isNews(Point last, Point p) {
    if (p.t <= last.t) {
      return false;
    }
    return p.soc != last.soc
        || !java.util.Objects.equals(p.charging, last.charging)
        || p.t - last.t >= HEARTBEAT_MS;
  }
}
