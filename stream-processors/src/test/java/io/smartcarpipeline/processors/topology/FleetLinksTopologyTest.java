package io.smartcarpipeline.processors.topology;

import static io.smartcarpipeline.processors.testdata.ChargingDay.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.EventSource;
import io.smartcarpipeline.events.SubscriptionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.WebhookSubscription;
import io.smartcarpipeline.processors.domain.SignalCodes;
import io.smartcarpipeline.processors.testdata.EventBuilder;
import io.smartcarpipeline.processors.testdata.InMemorySchemaRegistry;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the fleet page shows beside the state: where each vehicle's latest data came from (store
 * {@code data-sources}, fed by the state fold) and fleet-sync's connection records (global store
 * {@code vehicle-connections}, fed by {@code smartcar.connections.v1}).
 */
class FleetLinksTopologyTest {

  private static final String V = "vehicle-1";
  private static final Map<String, String> SERDE =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:8081");

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final TopologySerdes serdes = TopologySerdes.withClient(registry, SERDE);
  private TopologyTestDriver driver;
  private TestInputTopic<String, VehicleEvent> events;
  private TestInputTopic<String, VehicleConnection> connections;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "fleet-links-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.putAll(SERDE);
    driver =
        new TopologyTestDriver(
            ProcessorsTopology.build(serdes, TopologyOptions.defaults()), props, at(0));
    events =
        driver.createInputTopic(
            Topics.VEHICLE_EVENTS.name(),
            new StringSerializer(),
            serdes.vehicleEvent().serializer());
    connections =
        driver.createInputTopic(
            Topics.CONNECTIONS.name(),
            new StringSerializer(),
            serdes.vehicleConnection().serializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldRecordTheSourceOfTheNewestValueNotOfTheLastArrival() {
    KeyValueStore<String, String> sources = driver.getKeyValueStore(StoreNames.DATA_SOURCES);

    // a webhook delivery: the data came from the webhook
    send(soc(at(10), 60, EventSource.WEBHOOK));
    assertThat(sources.get(V)).isEqualTo("WEBHOOK");

    // a gap-filling read with a newer reading: the data now came from the API
    send(soc(at(40), 55, EventSource.API_READ));
    assertThat(sources.get(V)).isEqualTo("API_READ");

    // a late webhook retry of an older reading changes no value: still the API read's data
    send(soc(at(20), 58, EventSource.WEBHOOK));
    assertThat(sources.get(V)).isEqualTo("API_READ");

    // webhooks resume with a newer reading
    send(soc(at(50), 54, EventSource.WEBHOOK));
    assertThat(sources.get(V)).isEqualTo("WEBHOOK");
    assertThat(sources.get("never-seen")).isNull();
  }

  @Test
  void shouldKeepTheNewestConnectionRecordPerVehicleInTheGlobalStore() {
    KeyValueStore<String, VehicleConnection> store =
        driver.getKeyValueStore(StoreNames.CONNECTIONS);

    connections.pipeInput(V, connection(ConnectionStatus.CONNECTED, SubscriptionStatus.SUBSCRIBED));
    assertThat(store.get(V).getStatus()).isEqualTo(ConnectionStatus.CONNECTED);

    connections.pipeInput(
        V, connection(ConnectionStatus.DISCONNECTED, SubscriptionStatus.UNSUBSCRIBED));
    assertThat(store.get(V).getStatus()).isEqualTo(ConnectionStatus.DISCONNECTED);
    assertThat(store.get(V).getSubscriptions().get(0).getStatus())
        .isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
    assertThat(store.get("no-record")).isNull();

    // a tombstone (compaction's delete) forgets the vehicle: unknown again
    connections.pipeInput(V, (VehicleConnection) null);
    assertThat(store.get(V)).isNull();
  }

  private void send(VehicleEvent e) {
    events.pipeInput(e.getVehicleId(), e, e.getReceivedAt());
  }

  private static VehicleEvent soc(Instant readingAt, double soc, EventSource source) {
    return EventBuilder.state(V, readingAt.plusSeconds(5))
        .source(source)
        .number(SignalCodes.STATE_OF_CHARGE, soc, "percent", readingAt)
        .build();
  }

  private static VehicleConnection connection(ConnectionStatus status, SubscriptionStatus sub) {
    return VehicleConnection.newBuilder()
        .setVehicleId(V)
        .setStatus(status)
        .setLastSyncedAt(at(5))
        .setSubscriptions(List.of(new WebhookSubscription("wh-1", sub, at(5), null)))
        .build();
  }
}
