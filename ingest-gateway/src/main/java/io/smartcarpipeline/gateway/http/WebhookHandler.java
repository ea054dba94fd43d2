package io.smartcarpipeline.gateway.http;

import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.kafka.EventProducer;
import io.smartcarpipeline.gateway.kafka.UnwritableRecordException;
import io.smartcarpipeline.gateway.normalise.VehicleEventMapper;
import io.smartcarpipeline.gateway.webhook.DeadLetters;
import io.smartcarpipeline.gateway.webhook.InvalidWebhookException;
import io.smartcarpipeline.gateway.webhook.SignatureVerifier;
import io.smartcarpipeline.gateway.webhook.SignatureVerifier.Verdict;
import io.smartcarpipeline.gateway.webhook.WebhookEnvelope;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/smartcar}: one delivery through {@code verify → parse → dispatch}, where
 * dispatch is the VERIFY answer, the dead letter of an unknown event type, or {@code toAvro →
 * send}. Rules: 2xx only after the broker acknowledged the record; a failed or slow send is a 503
 * with {@code Retry-After}; a missing or wrong signature is a 401 and nothing is written, decided
 * before the body is parsed beyond what a VERIFY needs; a correctly signed body that cannot be
 * processed is written to the dead-letter topic with a reason before the answer (a 400 when the
 * body is malformed, a 202 when it is well-formed but cannot be normalised or serialised).
 */
public final class WebhookHandler {

  /** Smartcar's signature header (HTTP headers are case-insensitive). */
  public static final String SIGNATURE_HEADER = "SC-Signature";

  /**
   * Unsigned bodies larger than this are refused without parsing: only VERIFY may come unsigned,
   * and a VERIFY body is about 60 bytes.
   */
  static final int MAX_UNSIGNED_BYTES = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  private final SignatureVerifier verifier;
  private final DeliveryWriter writer;
  private final GatewayMetrics metrics;
  private final Answers answers;
  private final Clock clock;
  private final SourceGuard sources;

  public WebhookHandler(
      SignatureVerifier verifier,
      EventProducer producer,
      GatewayMetrics metrics,
      Clock clock,
      long retryAfterSeconds,
      SourceGuard sources) {
    this.verifier = verifier;
    this.writer = new DeliveryWriter(producer, metrics, retryAfterSeconds, clock);
    this.metrics = metrics;
    this.answers = new Answers(metrics);
    this.clock = clock;
    this.sources = sources;
  }

  /** One delivery as it moves down the chain; {@code envelope} is null until parsed. */
  private record Delivery(
      byte[] body,
      Map<String, String> headers,
      Instant receivedAt,
      Verdict verdict,
      WebhookEnvelope envelope) {

    Delivery with(WebhookEnvelope parsed) {
      return new Delivery(body, headers, receivedAt, verdict, parsed);
    }
  }

  /** A successful answer. */
  private record Reply(int status, JsonObject body, String outcome) {}

  public void handle(RoutingContext ctx) {
    Buffer buffer = ctx.body().buffer();
    byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
    Verdict verdict = verifier.verify(body, ctx.request().getHeader(SIGNATURE_HEADER));
    Future.succeededFuture(
            new Delivery(body, Answers.keptHeaders(ctx), clock.instant(), verdict, null))
        .compose(this::verify)
        .compose(this::parse)
        .compose(this::dispatch)
        .onSuccess(reply -> answers.respond(ctx, reply.status(), reply.body(), reply.outcome()))
        .onFailure(error -> answers.reject(ctx, sources.limit(ctx, error)));
  }

  private Future<Delivery> verify(Delivery d) {
    if (d.verdict() == Verdict.INVALID) {
      metrics.signatureFailure("invalid");
      return Future.failedFuture(
          Rejection.unauthorized("INVALID_SIGNATURE", "SC-Signature does not match the body"));
    }
    if (d.verdict() == Verdict.MISSING && d.body().length > MAX_UNSIGNED_BYTES) {
      return Future.failedFuture(missingSignature());
    }
    return Future.succeededFuture(d);
  }

  private Future<Delivery> parse(Delivery d) {
    WebhookEnvelope envelope;
    try {
      envelope = WebhookEnvelope.parse(d.body());
    } catch (InvalidWebhookException e) {
      return d.verdict() == Verdict.MISSING
          ? Future.failedFuture(missingSignature())
          : keepThenRefuse(d, e);
    }
    // Only VERIFY may come unsigned (docs/smartcar-v3.md §2.1).
    if (envelope.kind() != WebhookEnvelope.Kind.VERIFY && d.verdict() == Verdict.MISSING) {
      return Future.failedFuture(missingSignature());
    }
    return Future.succeededFuture(d.with(envelope));
  }

  private Rejection missingSignature() {
    metrics.signatureFailure("missing");
    return Rejection.unauthorized("MISSING_SIGNATURE", "SC-Signature header is required");
  }

  private Future<Reply> dispatch(Delivery d) {
    return switch (d.envelope().kind()) {
      case VERIFY -> answerChallenge(d);
      case UNKNOWN ->
          deadLetter(
              d, DeadLetters.unknownEventType(d.envelope(), d.body(), d.headers(), d.receivedAt()));
      case VEHICLE_STATE, VEHICLE_ERROR -> vehicleEvent(d);
    };
  }

  private Future<Reply> answerChallenge(Delivery d) {
    return d.envelope()
        .challenge()
        .map(
            c ->
                new Reply(
                    200,
                    new JsonObject().put("challenge", verifier.answerChallenge(c)),
                    "verified"))
        .map(Future::succeededFuture)
        .orElseGet(
            () -> {
              InvalidWebhookException e =
                  new InvalidWebhookException("MISSING_CHALLENGE", "VERIFY without data.challenge");
              return d.verdict().valid()
                  ? keepThenRefuse(d, e)
                  : Future.failedFuture(Rejection.badRequest(e.code(), e.getMessage()));
            });
  }

  private Future<Reply> vehicleEvent(Delivery d) {
    try {
      d.envelope().requireIds();
    } catch (InvalidWebhookException e) {
      return keepThenRefuse(d, e);
    }
    VehicleEvent event;
    try {
      event = toAvro(d);
    } catch (RuntimeException e) {
      // The tolerant reader should never fail; if it does, the body is kept, not lost.
      return deadLetter(d, DeadLetters.NORMALISATION_FAILED, e);
    }
    return send(d, event);
  }

  private static VehicleEvent toAvro(Delivery d) {
    WebhookEnvelope envelope = d.envelope();
    return VehicleEventMapper.map(
        envelope.root(),
        envelope.vehicleEventType().orElseThrow(),
        new String(d.body(), StandardCharsets.UTF_8),
        d.verdict() == Verdict.PREVIOUS_KEY
            ? SignatureCheck.PREVIOUS_KEY
            : SignatureCheck.CURRENT_KEY,
        d.receivedAt());
  }

  private Future<Reply> send(Delivery d, VehicleEvent event) {
    return writer
        .event(event)
        .map(
            metadata ->
                new Reply(
                    200,
                    new JsonObject().put("status", "accepted").put("eventId", event.getEventId()),
                    "accepted"))
        .recover(
            error ->
                error instanceof UnwritableRecordException
                    ? deadLetter(d, DeadLetters.AVRO_CONVERSION_FAILED, error)
                    : Future.failedFuture(error));
  }

  /** Well-formed and signed, but it cannot be written as an event: kept, answered 202. */
  private Future<Reply> deadLetter(Delivery d, String reason, Throwable error) {
    LOG.warn("webhook_unprocessable reason={} error={}", reason, error.toString());
    return deadLetter(
        d,
        DeadLetters.unprocessable(
            reason, error.toString(), d.envelope(), d.body(), d.headers(), d.receivedAt()));
  }

  private Future<Reply> deadLetter(Delivery d, DeadLetter letter) {
    WebhookEnvelope envelope = d.envelope();
    String key = envelope.vehicleId().orElse(envelope.eventId().orElse(null));
    return writer
        .deadLetter(letter, key, envelope.eventId().orElse("none"))
        .map(
            metadata -> {
              JsonObject body =
                  new JsonObject().put("status", "dead_lettered").put("reason", letter.getReason());
              envelope.eventId().ifPresent(id -> body.put("eventId", id));
              return new Reply(202, body, "dead_lettered");
            });
  }

  /**
   * Signed but malformed: the raw body goes to the dead-letter topic with the error code as its
   * reason, then the answer is a 400 (or a 503 if Kafka cannot take the dead letter).
   */
  private <T> Future<T> keepThenRefuse(Delivery d, InvalidWebhookException e) {
    WebhookEnvelope envelope = d.envelope();
    String key = envelope == null ? null : envelope.vehicleId().orElse(null);
    String eventId = envelope == null ? "none" : envelope.eventId().orElse("none");
    DeadLetter letter =
        DeadLetters.unprocessable(
            e.code(), e.getMessage(), envelope, d.body(), d.headers(), d.receivedAt());
    return writer
        .deadLetter(letter, key, eventId)
        .compose(metadata -> Future.failedFuture(Rejection.badRequest(e.code(), e.getMessage())));
  }
}
