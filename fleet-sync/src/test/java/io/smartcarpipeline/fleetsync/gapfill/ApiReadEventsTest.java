package io.smartcarpipeline.fleetsync.gapfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.events.EventSource;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalStatus;
import io.smartcarpipeline.events.VehicleEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiReadEventsTest {

  private static final Instant READ_AT = Instant.parse("2026-01-01T12:00:00Z");
  private static final VehicleProfile PROFILE = new VehicleProfile("FORD", "F-150", 2023, false);

  /** The V3 answer's shape (docs/smartcar-v3.md §6.4): JSON:API signal resources. */
  private static String answer(double soc, long oemUpdatedAt, long retrievedAt) {
    return """
        {"data":[
          {"id":"tractionbattery-stateofcharge","type":"signal",
           "attributes":{"code":"tractionbattery-stateofcharge","name":"StateOfCharge",
             "group":"TractionBattery","status":{"value":"SUCCESS"},
             "body":{"value":%s,"unit":"percent"}},
           "meta":{"oemUpdatedAt":%d,"retrievedAt":%d},
           "links":{"self":"/vehicles/v1/signals/tractionbattery-stateofcharge"}},
          {"id":"closure-islocked","type":"signal",
           "attributes":{"name":"IsLocked","group":"Closure","status":{"value":"SUCCESS"},
             "body":{"value":true}},
           "meta":{"oemUpdatedAt":%d,"retrievedAt":%d}}
        ],
        "meta":{"totalCount":2,"pageSize":2,"page":1},
        "included":{"vehicle":{"id":"v1","make":"TESLA","model":"Model 3","year":2024}}}
        """
        .formatted(soc, oemUpdatedAt, retrievedAt, oemUpdatedAt, retrievedAt);
  }

  @Test
  void signalsAnswerBecomesAnApiReadEventNormalisedLikeAWebhook() {
    VehicleEvent event =
        ApiReadEvents.map("v1", "u1", PROFILE, "live", answer(81.5, 1_000, 2_000), READ_AT);

    assertThat(event.getSource()).isEqualTo(EventSource.API_READ);
    assertThat(event.getVehicleId()).isEqualTo("v1");
    assertThat(event.getUserId()).isEqualTo("u1");
    assertThat(event.getVehicle().getMake()).isEqualTo("TESLA");
    assertThat(event.getReceivedAt()).isEqualTo(READ_AT);
    assertThat(event.getDeliveryId()).isNull();
    assertThat(event.getSignals())
        .extracting(Signal::getCode)
        .containsExactly("tractionbattery-stateofcharge", "closure-islocked");
    Signal soc = event.getSignals().get(0);
    assertThat(soc.getStatus()).isEqualTo(SignalStatus.SUCCESS);
    assertThat(soc.getValue().getNumberValue()).isEqualTo(81.5);
    assertThat(soc.getOemUpdatedAt()).isEqualTo(Instant.ofEpochMilli(1_000));
    assertThat(soc.getRetrievedAt()).isEqualTo(Instant.ofEpochMilli(2_000));
    assertThat(event.getRawBody()).contains("\"tractionbattery-stateofcharge\"");
  }

  @Test
  void readingAnUnchangedVehicleAgainGivesTheSameEventId() {
    VehicleEvent first =
        ApiReadEvents.map("v1", "u1", PROFILE, null, answer(80, 1_000, 2_000), READ_AT);
    VehicleEvent again =
        ApiReadEvents.map(
            "v1", "u1", PROFILE, null, answer(80, 1_000, 9_000), READ_AT.plusSeconds(60));

    assertThat(again.getEventId()).isEqualTo(first.getEventId());
  }

  @Test
  void aNewValueOrTimeOrVehicleGivesANewEventId() {
    String base =
        ApiReadEvents.map("v1", "u1", PROFILE, null, answer(80, 1_000, 2_000), READ_AT)
            .getEventId();

    assertThat(
            ApiReadEvents.map("v1", "u1", PROFILE, null, answer(79, 1_000, 2_000), READ_AT)
                .getEventId())
        .isNotEqualTo(base);
    assertThat(
            ApiReadEvents.map("v1", "u1", PROFILE, null, answer(80, 1_001, 2_000), READ_AT)
                .getEventId())
        .isNotEqualTo(base);
    assertThat(
            ApiReadEvents.map("v2", "u1", PROFILE, null, answer(80, 1_000, 2_000), READ_AT)
                .getEventId())
        .isNotEqualTo(base);
  }

  @Test
  void vehicleInfoFallsBackOnTheConnectionWhenTheAnswerHasNone() {
    VehicleEvent event = ApiReadEvents.map("v1", null, PROFILE, null, "{\"data\":[]}", READ_AT);

    assertThat(event.getVehicle().getMake()).isEqualTo("FORD");
    assertThat(event.getVehicle().getYear()).isEqualTo(2023);
    assertThat(event.getSignals()).isEmpty();
  }

  @Test
  void flatSignalItemsAndUnknownFieldsAreReadTolerantly() {
    String flat =
        "{\"data\":[{\"code\":\"charge-ischarging\",\"body\":{\"value\":false},\"odd\":1,"
            + "\"meta\":{\"oemUpdatedAt\":\"2026-01-01T00:00:00Z\"}}],\"extra\":{}}";

    VehicleEvent event = ApiReadEvents.map("v1", null, PROFILE, null, flat, READ_AT);

    assertThat(event.getSignals()).extracting(Signal::getCode).containsExactly("charge-ischarging");
    assertThat(event.getSignals().get(0).getOemUpdatedAt())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void bodyThatIsNotJsonIsRefused() {
    assertThatThrownBy(() -> ApiReadEvents.map("v1", null, PROFILE, null, "<html>", READ_AT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
