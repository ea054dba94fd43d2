package io.smartcarpipeline.examples.dailyenergy;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.EnergySource;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import io.smartcarpipeline.serde.ConfluentAvroSerde;
import io.smartcarpipeline.serde.InMemorySchemaRegistryClient;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailyEnergyTopologyTest {

  private static final String OUT = "analytics.daily-energy-kwh";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private TopologyTestDriver driver;
  private TestInputTopic<String, ChargingSession> sessions;
  private TestOutputTopic<String, Double> daily;

  @BeforeEach
  void setUp() {
    ConfluentAvroSerde<ChargingSession> serde =
        new ConfluentAvroSerde<>(
            ChargingSession.class,
            new InMemorySchemaRegistryClient(),
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mem://test"));
    driver = new TopologyTestDriver(DailyEnergyTopology.build(serde, OUT, BERLIN));
    sessions =
        driver.createInputTopic(
            Topics.CHARGING_SESSIONS.name(), Serdes.String().serializer(), serde.serializer());
    daily =
        driver.createOutputTopic(
            OUT, Serdes.String().deserializer(), Serdes.Double().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void activeUpdatesDoNotCountOnlyTheFinalRecordDoes() {
    sessions.pipeInput(
        "v1", session("s1", "v1", SessionStatus.ACTIVE, 3.0, "2026-12-07T10:00:00Z"));
    sessions.pipeInput(
        "v1", session("s1", "v1", SessionStatus.ACTIVE, 6.0, "2026-12-07T10:30:00Z"));
    sessions.pipeInput(
        "v1", session("s1", "v1", SessionStatus.COMPLETED, 8.5, "2026-12-07T11:00:00Z"));

    assertThat(daily.readKeyValuesToMap()).containsExactlyEntriesOf(Map.of("v1/2026-12-07", 8.5));
  }

  @Test
  void sessionsOfOneVehicleAndDayAddUpAndDaysAreLocal() {
    sessions.pipeInput(
        "v1", session("s1", "v1", SessionStatus.COMPLETED, 8.0, "2026-12-07T11:00:00Z"));
    sessions.pipeInput(
        "v1", session("s2", "v1", SessionStatus.TIMED_OUT, 2.0, "2026-12-07T18:00:00Z"));
    // 23:30 UTC is already the next day in Berlin
    sessions.pipeInput(
        "v1", session("s3", "v1", SessionStatus.COMPLETED, 5.0, "2026-12-07T23:30:00Z"));
    sessions.pipeInput(
        "v2", session("s4", "v2", SessionStatus.COMPLETED, 1.0, "2026-12-07T12:00:00Z"));

    assertThat(daily.readKeyValuesToMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("v1/2026-12-07", 10.0, "v1/2026-12-08", 5.0, "v2/2026-12-07", 1.0));
  }

  @Test
  void aRepeatedFinalRecordReplacesInsteadOfAdding() {
    sessions.pipeInput(
        "v1", session("s1", "v1", SessionStatus.COMPLETED, 8.0, "2026-12-07T11:00:00Z"));
    sessions.pipeInput(
        "v1", session("s1", "v1", SessionStatus.COMPLETED, 9.0, "2026-12-07T11:00:00Z"));

    assertThat(daily.readKeyValuesToMap()).containsExactlyEntriesOf(Map.of("v1/2026-12-07", 9.0));
  }

  @Test
  void aSessionWithoutKnownEnergyAddsNothing() {
    sessions.pipeInput(
        "v1", session("s1", "v1", SessionStatus.COMPLETED, null, "2026-12-07T11:00:00Z"));

    assertThat(daily.isEmpty()).isTrue();
  }

  private static ChargingSession session(
      String id, String vehicle, SessionStatus status, Double kwh, String at) {
    Instant time = Instant.parse(at);
    return ChargingSession.newBuilder()
        .setSessionId(id)
        .setVehicleId(vehicle)
        .setStatus(status)
        .setRevision(1)
        .setStartedAt(time.minusSeconds(3600))
        .setEndedAt(status == SessionStatus.ACTIVE ? null : time)
        .setEnergyKwh(kwh)
        .setEnergySource(kwh == null ? EnergySource.UNKNOWN : EnergySource.MEASURED)
        .setUpdatedAt(time)
        .build();
  }
}
