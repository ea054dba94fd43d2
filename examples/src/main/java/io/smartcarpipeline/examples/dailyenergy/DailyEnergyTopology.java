package io.smartcarpipeline.examples.dailyenergy;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.schemas.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Daily charged energy per vehicle from {@code smartcar.charging-sessions.v1}: the kWh of every
 * finished session, summed per vehicle and local day (the day the session ended, in the zone the
 * team reports in). Output: key {@code <vehicleId>/<yyyy-MM-dd>}, value the day's kWh (a double),
 * updated whenever a session of that day finishes.
 *
 * <p>A session's records are ACTIVE updates, then a final record (COMPLETED or TIMED_OUT) that is
 * its truth. Summing updates would count a session many times; so the sum is taken over a table of
 * finished sessions keyed by session id: a repeated or corrected final record replaces the old one
 * (the subtractor takes the old kWh away) instead of adding to it.
 */
public final class DailyEnergyTopology {

  static final String FINISHED_SESSIONS_STORE = "finished-sessions";
  static final String DAILY_ENERGY_STORE = "daily-energy";

  private DailyEnergyTopology() {}

  /** Builds the topology; no I/O. */
  public static Topology build(Serde<ChargingSession> sessions, String outputTopic, ZoneId zone) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.CHARGING_SESSIONS.name(), Consumed.with(Serdes.String(), sessions))
        // only a session's final record counts; sessions without a known energy add nothing
        .filter((vehicle, s) -> s.getStatus() != SessionStatus.ACTIVE && s.getEnergyKwh() != null)
        // one row per session: a repeated or corrected final record replaces the earlier one
        .selectKey((vehicle, s) -> s.getSessionId())
        .toTable(
            Materialized.<String, ChargingSession, KeyValueStore<Bytes, byte[]>>as(
                    FINISHED_SESSIONS_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(sessions))
        // regroup by vehicle and local day of the session's end
        .groupBy(
            (sessionId, s) -> KeyValue.pair(dayKey(s, zone), s.getEnergyKwh()),
            Grouped.with(Serdes.String(), Serdes.Double()))
        .reduce(
            Double::sum,
            (total, removed) -> total - removed,
            Materialized.<String, Double, KeyValueStore<Bytes, byte[]>>as(DAILY_ENERGY_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Double()))
        .toStream()
        .to(outputTopic, Produced.with(Serdes.String(), Serdes.Double()));
    return builder.build();
  }

  /**
   * {@code <vehicleId>/<local date of the end>}; a session without an end time counts when it was
   * last updated.
   */
  static String dayKey(ChargingSession s, ZoneId zone) {
    Instant end = s.getEndedAt() != null ? s.getEndedAt() : s.getUpdatedAt();
    return s.getVehicleId() + "/" + LocalDate.ofInstant(end, zone);
  }
}
