package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.processors.domain.history.SocSeries;
import java.util.ArrayList;
import org.apache.kafka.common.serialization.Serde;

/**
 * The {@code soc-history} store format: a version byte, the number of points, then per point its
 * time, SoC and charging flag, via {@link StateBytes}. Binary for the same reason as {@link
 * ChargingTrackerSerde}; a value starting with <code>'{'</code> (the former JSON format) still
 * reads.
 */
final class SocSeriesSerde {

  static final int VERSION = 1;

  private SocSeriesSerde() {}

  static Serde<SocSeries> create() {
    return StateBytes.serde(SocSeries.class, SocSeriesSerde::write, SocSeriesSerde::read);
  }

  static byte[] write(SocSeries s) {
    StateBytes.Writer out = new StateBytes.Writer(5 + s.points.size() * 18);
    out.u8(VERSION).i32(s.points.size());
    for (SocSeries.Point p : s.points) {
      out.i64(p.t).f64(p.soc).optBool(p.charging);
    }
    return out.toByteArray();
  }

  static SocSeries read(byte[] bytes) {
    StateBytes.Reader in = new StateBytes.Reader(bytes, 0);
    in.version(VERSION, "SoC series");
    int n = in.i32();
    SocSeries s = new SocSeries();
    s.points = new ArrayList<>(n + 1);
    for (int i = 0; i < n; i++) {
      s.points.add(new SocSeries.Point(in.i64(), in.f64(), in.optBool()));
    }
    in.end();
    return s;
  }
}
