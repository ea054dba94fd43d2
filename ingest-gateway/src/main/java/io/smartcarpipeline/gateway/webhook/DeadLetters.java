package io.smartcarpipeline.gateway.webhook;

import io.smartcarpipeline.events.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the dead letters the gateway writes. Rule: a correctly signed delivery we cannot normalise
 * is not the sender's fault and is never dropped: it is kept with a reason code, a message for a
 * person, and the body bytes exactly as received.
 */
public final class DeadLetters {

  /** The {@code source} of every dead letter the gateway writes. */
  public static final String SOURCE = "ingest-gateway";

  /** Reason code of a delivery whose eventType the gateway does not know. */
  public static final String UNKNOWN_EVENT_TYPE = "UNKNOWN_EVENT_TYPE";

  /** Reason code of a delivery the normaliser failed on. */
  public static final String NORMALISATION_FAILED = "NORMALISATION_FAILED";

  /** Reason code of a normalised delivery whose Avro record cannot be serialised or written. */
  public static final String AVRO_CONVERSION_FAILED = "AVRO_CONVERSION_FAILED";

  private DeadLetters() {}

  /** A dead letter for a signed delivery of an event type we do not normalise. */
  public static DeadLetter unknownEventType(
      WebhookEnvelope envelope, byte[] body, Map<String, String> httpHeaders, Instant receivedAt) {
    return unprocessable(
        UNKNOWN_EVENT_TYPE,
        "eventType '"
            + envelope.eventType()
            + "' is not VERIFY, VEHICLE_STATE or VEHICLE_ERROR; kept unprocessed",
        envelope,
        body,
        httpHeaders,
        receivedAt);
  }

  /**
   * A dead letter for a signed delivery that cannot be processed.
   *
   * @param reason a stable reason code (the 4xx error code, or one of this class's)
   * @param envelope the parsed envelope, or null when the body could not be parsed
   */
  public static DeadLetter unprocessable(
      String reason,
      String message,
      WebhookEnvelope envelope,
      byte[] body,
      Map<String, String> httpHeaders,
      Instant receivedAt) {
    Map<String, String> headers = new LinkedHashMap<>(httpHeaders);
    if (envelope != null) {
      headers.put("eventType", envelope.eventType());
      envelope.eventId().ifPresent(id -> headers.put("eventId", id));
    }
    return DeadLetter.newBuilder()
        .setSource(SOURCE)
        .setReason(reason)
        .setMessage(message)
        .setValue(ByteBuffer.wrap(body.clone()))
        .setHeaders(headers)
        .setOccurredAt(receivedAt)
        .build();
  }
}
