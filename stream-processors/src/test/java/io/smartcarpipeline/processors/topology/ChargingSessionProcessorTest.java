package io.smartcarpipeline.processors.topology;

import static io.smartcarpipeline.processors.testdata.ChargingDay.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.SessionStatus;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.processors.domain.charging.ChargingTracker;
import io.smartcarpipeline.processors.testdata.ChargingDay;
import io.smartcarpipeline.processors.testdata.InMemorySchemaRegistry;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChargingSessionProcessorTest {

  private static final String V = "vehicle-1";
  private final ChargingDay day = new ChargingDay(V);
  private final MockProcessorContext<String, ChargingSession> context =
      new MockProcessorContext<>();
  private final ChargingSessionProcessor processor =
      new ChargingSessionProcessor(TopologyOptions.defaults());
  private KeyValueStore<String, ChargingSession> history;

  @BeforeEach
  void init() {
    KeyValueStore<String, ChargingTracker> trackers =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.CHARGING_TRACKERS),
                Serdes.String(),
                JsonSerde.of(ChargingTracker.class))
            .withLoggingDisabled()
            .build();
    history =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.CHARGING_HISTORY),
                Serdes.String(),
                TopologySerdes.withClient(
                        new InMemorySchemaRegistry(),
                        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:1"))
                    .chargingSession())
            .withLoggingDisabled()
            .build();
    trackers.init(context.getStateStoreContext(), trackers);
    history.init(context.getStateStoreContext(), history);
    context.addStateStore(trackers);
    context.addStateStore(history);
    processor.init(context);
  }

  private void process(VehicleEvent e) {
    context.setCurrentSystemTimeMs(e.getReceivedAt().toEpochMilli());
    processor.process(new Record<>(V, e, e.getReceivedAt().toEpochMilli()));
  }

  @Test
  void shouldTimeOutSessionWhenScheduledPunctuatorFiresAfterSilence() {
    process(day.charge(0, true, true, 20, 0.0));
    process(day.charge(30, true, true, 30, 6.0));
    context.resetForwards();
    MockProcessorContext.CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);

    punctuator.getPunctuator().punctuate(at(30 + 60 * 6 + 1).toEpochMilli());

    ChargingSession closed = context.forwarded().get(0).record().value();
    assertThat(punctuator.getInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(closed.getStatus()).isEqualTo(SessionStatus.TIMED_OUT);
    assertThat(history.get(StoreNames.historyKey(V, closed.getStartedAt().toEpochMilli())))
        .isEqualTo(closed);
  }

  @Test
  void shouldStayQuietWhenPunctuatorFiresBeforeTimeout() {
    process(day.charge(0, true, true, 20, 0.0));
    context.resetForwards();

    context.scheduledPunctuators().get(0).getPunctuator().punctuate(at(60).toEpochMilli());

    assertThat(context.forwarded()).isEmpty();
  }
}
