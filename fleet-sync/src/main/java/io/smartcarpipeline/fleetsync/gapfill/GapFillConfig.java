package io.smartcarpipeline.fleetsync.gapfill;

import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * Gap-filling's settings, validated at start.
 *
 * @param staleness a connected vehicle silent longer than this is read ({@code
 *     FLEET_SYNC_STALENESS}, default 6 h)
 * @param outageGap a fleet-wide gap in webhook deliveries longer than this is an outage ({@code
 *     FLEET_SYNC_OUTAGE_GAP}, default 175 s: Smartcar's retry window)
 * @param asleepBackoff an asleep vehicle is not read again before this ({@code
 *     FLEET_SYNC_ASLEEP_BACKOFF}, default 30 min)
 * @param failureBackoff a read that failed otherwise is retried after this ({@code
 *     FLEET_SYNC_READ_RETRY_AFTER}, default 5 min)
 * @param tick how often owed reads are sent ({@code FLEET_SYNC_GAPFILL_TICK}, default 1 s)
 * @param readsPerTick at most this many reads are started per tick ({@code
 *     FLEET_SYNC_GAPFILL_READS_PER_TICK}, default 4; the budget share still decides)
 */
public record GapFillConfig(
    Duration staleness,
    Duration outageGap,
    Duration asleepBackoff,
    Duration failureBackoff,
    Duration tick,
    int readsPerTick) {

  public static final String STALENESS = "FLEET_SYNC_STALENESS";
  public static final String OUTAGE_GAP = "FLEET_SYNC_OUTAGE_GAP";
  public static final String ASLEEP_BACKOFF = "FLEET_SYNC_ASLEEP_BACKOFF";
  public static final String READ_RETRY_AFTER = "FLEET_SYNC_READ_RETRY_AFTER";
  public static final String TICK = "FLEET_SYNC_GAPFILL_TICK";
  public static final String READS_PER_TICK = "FLEET_SYNC_GAPFILL_READS_PER_TICK";

  public static final Map<String, String> DEFAULTS =
      Map.of(
          STALENESS, "6h",
          OUTAGE_GAP, "175s",
          ASLEEP_BACKOFF, "30m",
          READ_RETRY_AFTER, "5m",
          TICK, "1s",
          READS_PER_TICK, "4");

  public static GapFillConfig from(Settings raw) {
    Settings s = Settings.of(DEFAULTS).with(raw.asMap());
    int perTick = s.intValue(READS_PER_TICK);
    if (perTick < 1) {
      throw new ConfigException(READS_PER_TICK, "must be at least 1");
    }
    return new GapFillConfig(
        positive(s, STALENESS),
        positive(s, OUTAGE_GAP),
        positive(s, ASLEEP_BACKOFF),
        positive(s, READ_RETRY_AFTER),
        positive(s, TICK),
        perTick);
  }

  private static Duration positive(Settings s, String key) {
    Duration d = s.duration(key);
    if (d.isNegative() || d.isZero()) {
      throw new ConfigException(key, "must be positive, e.g. 30s or 6h");
    }
    return d;
  }
}
