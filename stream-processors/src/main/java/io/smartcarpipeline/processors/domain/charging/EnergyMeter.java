package io.smartcarpipeline.processors.domain.charging;

/**
 * Energy of one session from the {@code charge-energyadded} counter, which the vehicle reports as
 * cumulative for the current or most recent session. Readings taken before charging started are the
 * baseline (often the previous session's total). From then on each reading adds its increase over
 * the previous one; a reading lower than the previous means the counter restarted (a new segment on
 * some makes), so it is rebased: the new value counts from zero. Nothing is counted twice, and a
 * stale or repeated reading (not newer than the last one applied) is ignored.
 */
public final class EnergyMeter {

  /** Last counter value applied (baseline or in-session). */
  public Double last;

  /** Source time of {@link #last}. */
  public Long lastAt;

  /** Energy counted so far, kWh. */
  public double accumulatedKwh;

  /** Whether any reading was taken after charging started. */
  public boolean measured;

  /** Counter rebases seen (counter dropped). */
  public int rebases;

  /** Whether a reading is newer than the last one and higher: the counter is moving. */
  public boolean rises(double kwh, long at) {
    return last != null && lastAt != null && at > lastAt && kwh > last;
  }

  /**
   * Applies a counter reading.
   *
   * @param countFrom source time from which readings belong to this session
   * @return whether the reading changed the counted energy or the baseline
   */
  public boolean reading(double kwh, long at, long countFrom) {
    if (lastAt != null && at <= lastAt) {
      return false;
    }
    if (at < countFrom) {
      last = kwh;
      lastAt = at;
      return true;
    }
    double previous = last == null ? 0.0 : last;
    if (kwh >= previous) {
      accumulatedKwh += kwh - previous;
    } else {
      accumulatedKwh += kwh;
      rebases++;
    }
    last = kwh;
    lastAt = at;
    measured = true;
    return true;
  }
}
