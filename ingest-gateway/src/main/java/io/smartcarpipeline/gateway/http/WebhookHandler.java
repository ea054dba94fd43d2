package io.smartcarpipeline.gateway.http;

import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.kafka.EventProducer;
import io.smartcarpipeline.gateway.normalise.VehicleEventMapper;
import io.smartcarpipeline.gateway.webhook.DeadLetters;
import io.smartcarpipeline.gateway.webhook.InvalidWebhookException;
import io.smartcarpipeline.gateway.webhook.SignatureVerifier;
import io.smartcarpipeline.gateway.webhook.SignatureVerifier.Verdict;
import io.smartcarpipeline.gateway.webhook.WebhookEnvelope;
import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/smartcar}: one delivery through {@code verify → parse → dispatch}, where
 * dispatch is the VERIFY answer, the dead letter of an unknown event type, or {@code toAvro →
 * send}. Rule: 2xx only after the broker acknowledged the record; a failed or slow send is a 503
 * with {@code Retry-After}; a missing or wrong signature is a 401 and nothing is written.
 */
public final class WebhookHandler {

  /** Smartcar's signature header (HTTP headers are case-insensitive). */
  public static final String SIGNATURE_HEADER = "SC-Signature";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  private final SignatureVerifier verifier;
  private final DeliveryWriter writer;
  private final GatewayMetrics metrics;
  private final Clock clock;

  public WebhookHandler(
      SignatureVerifier verifier,
      EventProducer producer,
      GatewayMetrics metrics,
      Clock clock,
      long retryAfterSeconds) {
    this.verifier = verifier;
    this.writer = new DeliveryWriter(producer, metrics, retryAfterSeconds);
    this.metrics = metrics;
    this.clock = clock;
  }

  /** One delivery as it moves down the chain. */
  private record Delivery(
      byte[] body,
      Map<String, String> headers,
      Instant receivedAt,
      Verdict verdict,
      WebhookEnvelope envelope) {}

  /** A successful answer. */
  private record Reply(int status, JsonObject body, String outcome) {}

  public void handle(RoutingContext ctx) {
    Buffer buffer = ctx.body().buffer();
    byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
    String signature = ctx.request().getHeader(SIGNATURE_HEADER);
    Map<String, String> headers = keptHeaders(ctx);
    Future.succeededFuture(new Delivery(body, headers, clock.instant(), null, null))
        .compose(d -> verify(d, signature))
        .compose(this::parse)
        .compose(this::dispatch)
        .onSuccess(reply -> respond(ctx, reply))
        .onFailure(error -> reject(ctx, error));
  }

  private Future<Delivery> verify(Delivery d, String signature) {
    Verdict verdict = verifier.verify(d.body(), signature);
    if (verdict == Verdict.INVALID) {
      metrics.signatureFailure("invalid");
      return Future.failedFuture(
          Rejection.unauthorized("INVALID_SIGNATURE", "SC-Signature does not match the body"));
    }
    return Future.succeededFuture(
        new Delivery(d.body(), d.headers(), d.receivedAt(), verdict, null));
  }

  private Future<Delivery> parse(Delivery d) {
    WebhookEnvelope envelope;
    try {
      envelope = WebhookEnvelope.parse(d.body());
    } catch (InvalidWebhookException e) {
      return Future.failedFuture(
          d.verdict() == Verdict.MISSING
              ? missingSignature()
              : Rejection.badRequest(e.code(), e.getMessage()));
    }
    // Only VERIFY may come unsigned (docs/smartcar-v3.md §2.1).
    if (envelope.kind() != WebhookEnvelope.Kind.VERIFY && d.verdict() == Verdict.MISSING) {
      return Future.failedFuture(missingSignature());
    }
    return Future.succeededFuture(
        new Delivery(d.body(), d.headers(), d.receivedAt(), d.verdict(), envelope));
  }

  private Rejection missingSignature() {
    metrics.signatureFailure("missing");
    return Rejection.unauthorized("MISSING_SIGNATURE", "SC-Signature header is required");
  }

  private Future<Reply> dispatch(Delivery d) {
    return switch (d.envelope().kind()) {
      case VERIFY -> answerChallenge(d);
      case UNKNOWN -> deadLetter(d);
      case VEHICLE_STATE, VEHICLE_ERROR -> toAvro(d).compose(this::send);
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
            () ->
                Future.failedFuture(
                    Rejection.badRequest("MISSING_CHALLENGE", "VERIFY without data.challenge")));
  }

  private Future<VehicleEvent> toAvro(Delivery d) {
    WebhookEnvelope envelope = d.envelope();
    if (envelope.vehicleId().isEmpty()) {
      return Future.failedFuture(
          Rejection.badRequest("MISSING_VEHICLE_ID", "no data.vehicle.id and no vehicleId"));
    }
    if (envelope.eventId().isEmpty()) {
      return Future.failedFuture(Rejection.badRequest("MISSING_EVENT_ID", "no eventId"));
    }
    return Future.succeededFuture(
        VehicleEventMapper.map(
            envelope.root(),
            envelope.vehicleEventType().orElseThrow(),
            new String(d.body(), StandardCharsets.UTF_8),
            d.verdict() == Verdict.PREVIOUS_KEY
                ? SignatureCheck.PREVIOUS_KEY
                : SignatureCheck.CURRENT_KEY,
            d.receivedAt()));
  }

  private Future<Reply> send(VehicleEvent event) {
    return writer
        .event(event)
        .map(
            metadata ->
                new Reply(
                    200,
                    new JsonObject().put("status", "accepted").put("eventId", event.getEventId()),
                    "accepted"));
  }

  private Future<Reply> deadLetter(Delivery d) {
    WebhookEnvelope envelope = d.envelope();
    DeadLetter letter =
        DeadLetters.unknownEventType(envelope, d.body(), d.headers(), d.receivedAt());
    String key = envelope.vehicleId().orElse(envelope.eventId().orElse(null));
    return writer
        .deadLetter(letter, key, envelope.eventId().orElse("none"))
        .map(
            metadata -> {
              JsonObject body =
                  new JsonObject()
                      .put("status", "dead_lettered")
                      .put("reason", DeadLetters.UNKNOWN_EVENT_TYPE);
              envelope.eventId().ifPresent(id -> body.put("eventId", id));
              return new Reply(202, body, "dead_lettered");
            });
  }

  private void respond(RoutingContext ctx, Reply reply) {
    metrics.request(reply.outcome());
    ctx.response()
        .setStatusCode(reply.status())
        .putHeader("Content-Type", "application/json")
        .end(reply.body().encode());
  }

  private void reject(RoutingContext ctx, Throwable error) {
    if (error instanceof Rejection r) {
      metrics.request(r.outcome());
      if (r.status() != 503) {
        LOG.info("webhook_rejected status={} code={}", r.status(), r.code());
      }
      r.retryAfterSeconds()
          .ifPresent(s -> ctx.response().putHeader("Retry-After", String.valueOf(s)));
      HttpErrors.respond(ctx, r.status(), r.code(), r.getMessage());
      return;
    }
    metrics.request("error");
    LOG.error("webhook_failed error={}", error.toString(), error);
    HttpErrors.respond(ctx, 500, "INTERNAL_ERROR", "Unexpected error; see the gateway log");
  }

  private static Map<String, String> keptHeaders(RoutingContext ctx) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : new String[] {"User-Agent", "Content-Type"}) {
      String value = ctx.request().getHeader(name);
      if (value != null) {
        kept.put(name, value);
      }
    }
    return kept;
  }
}
