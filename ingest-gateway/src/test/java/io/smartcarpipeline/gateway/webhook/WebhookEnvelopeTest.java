package io.smartcarpipeline.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.gateway.Fixtures;
import io.smartcarpipeline.gateway.webhook.WebhookEnvelope.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookEnvelopeTest {

  @Test
  void verifyFixtureCarriesItsChallenge() {
    WebhookEnvelope envelope = WebhookEnvelope.parse(Fixtures.bytes(Fixtures.VERIFY));

    assertThat(envelope.kind()).isEqualTo(Kind.VERIFY);
    assertThat(envelope.challenge()).contains("any-abcd");
  }

  @Test
  void legacyVerifyIsRecognised() {
    WebhookEnvelope envelope =
        parse(
            "{\"version\":\"2.0\",\"webhookId\":\"w\",\"eventName\":\"verify\",\"payload\":{\"challenge\":\"c2\"}}");

    assertThat(envelope.kind()).isEqualTo(Kind.VERIFY);
    assertThat(envelope.challenge()).contains("c2");
  }

  @Test
  void otherLegacyDeliveriesAreUnknownEventTypes() {
    assertThat(parse("{\"version\":\"2.0\",\"eventName\":\"schedule\",\"payload\":{}}").kind())
        .isEqualTo(Kind.UNKNOWN);
  }

  @ParameterizedTest
  @CsvSource({
    "VEHICLE_STATE, VEHICLE_STATE",
    "vehicle_error, VEHICLE_ERROR",
    "VEHICLE_MOVED, UNKNOWN"
  })
  void eventTypeDecidesTheKind(String eventType, Kind kind) {
    assertThat(parse("{\"eventType\":\"" + eventType + "\"}").kind()).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all | NOT_JSON",
        "{\"eventType\":\"VERIFY\"} trailing | NOT_JSON",
        "'' | NOT_JSON",
        "[1,2] | NOT_AN_OBJECT",
        "\"text\" | NOT_AN_OBJECT",
        "{\"data\":{}} | MISSING_EVENT_TYPE",
        "{\"eventType\":42} | MISSING_EVENT_TYPE",
      })
  void malformedBodiesAreRejectedWithACode(String body, String code) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(InvalidWebhookException.class)
        .extracting(e -> ((InvalidWebhookException) e).code())
        .isEqualTo(code);
  }

  private static WebhookEnvelope parse(String body) {
    return WebhookEnvelope.parse(body.getBytes(StandardCharsets.UTF_8));
  }
}
