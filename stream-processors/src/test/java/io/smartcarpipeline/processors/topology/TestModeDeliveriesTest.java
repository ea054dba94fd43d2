package io.smartcarpipeline.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.SignalEvent;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.testdata.FixtureEvents;
import io.smartcarpipeline.processors.testdata.InMemorySchemaRegistry;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** Issue 12 item 7: a Dashboard TEST delivery (the real capture) is not the car's state. */
class TestModeDeliveriesTest {

  private static final Instant NOW = Instant.parse("2026-01-12T10:00:00Z");
  private static final Map<String, String> SERDE =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:8081");

  private final TopologySerdes serdes =
      TopologySerdes.withClient(new InMemorySchemaRegistry(), SERDE);
  private final VehicleEvent testDelivery = FixtureEvents.load("vw_id_4_test_mode.json", NOW);

  @Test
  void testDeliveryStaysOnTheSignalsTopicButLeavesStateAlone() {
    try (TopologyTestDriver driver = driver(TopologyOptions.defaults())) {
      pipe(driver);

      assertThat(testDelivery.getMode()).isEqualTo("TEST");
      assertThat(signals(driver).readValuesToList()).isNotEmpty();
      assertThat(states(driver).isEmpty()).isTrue();
      assertThat(driver.getKeyValueStore(StoreNames.VEHICLE_STATE).get(testDelivery.getVehicleId()))
          .isNull();
    }
  }

  @Test
  void settingIncludesTestDeliveriesInState() {
    try (TopologyTestDriver driver = driver(TopologyOptions.defaults().withTestMode(true))) {
      pipe(driver);

      assertThat(states(driver).readValuesToList())
          .singleElement()
          .extracting(VehicleState::getVehicleId)
          .isEqualTo(testDelivery.getVehicleId());
    }
  }

  private void pipe(TopologyTestDriver driver) {
    driver
        .createInputTopic(
            Topics.VEHICLE_EVENTS.name(),
            new StringSerializer(),
            serdes.vehicleEvent().serializer())
        .pipeInput(testDelivery.getVehicleId(), testDelivery, NOW);
  }

  private org.apache.kafka.streams.TestOutputTopic<String, SignalEvent> signals(
      TopologyTestDriver driver) {
    return driver.createOutputTopic(
        Topics.SIGNALS.name(), new StringDeserializer(), serdes.signalEvent().deserializer());
  }

  private org.apache.kafka.streams.TestOutputTopic<String, VehicleState> states(
      TopologyTestDriver driver) {
    return driver.createOutputTopic(
        Topics.VEHICLE_STATE.name(),
        new StringDeserializer(),
        serdes.vehicleState().deserializer());
  }

  private TopologyTestDriver driver(TopologyOptions options) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-mode-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return new TopologyTestDriver(ProcessorsTopology.build(serdes, options), props, NOW);
  }
}
