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

  private DeadLetters() {}

  /** A dead letter for a signed delivery of an event type we do not normalise. */
  public static DeadLetter unknownEventType(
      WebhookEnvelope envelope, byte[] body, Map<String, String> httpHeaders, Instant receivedAt) {
    Map<String, String> headers = new LinkedHashMap<>(httpHeaders);
    headers.put("eventType", envelope.eventType());
    envelope.eventId().ifPresent(id -> headers.put("eventId", id));
    return DeadLetter.newBuilder()
        .setSource(SOURCE)
        .setReason(UNKNOWN_EVENT_TYPE)
        .setMessage(
            "eventType '"
                + envelope.eventType()
                + "' is not VERIFY, VEHICLE_STATE or VEHICLE_ERROR; kept unprocessed")
        .setValue(ByteBuffer.wrap(body.clone()))
        .setHeaders(headers)
        .setOccurredAt(receivedAt)
        .build();
  }
}
