package io.smartcarpipeline.sim.fleet;

import io.smartcarpipeline.sim.fleet.WebhookPayloads.DeliveryMeta;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VERIFY handshake Smartcar runs before it delivers anything (docs/smartcar-v3.md §2.1): POST
 * {@code {"eventId","eventType":"VERIFY","data":{"challenge"},"meta"}} and expect 200 with {@code
 * {"challenge": hex HMAC-SHA256(management token, challenge)}} within the delivery timeout. Rule:
 * any other answer fails the fleet's start with a message saying what came back and what was
 * expected (never the token).
 */
final class VerifyHandshake {

  private static final Logger LOG = LoggerFactory.getLogger(VerifyHandshake.class);

  private VerifyHandshake() {}

  static Future<Void> run(
      WebClient client, FleetConfig config, WebhookSigner signer, Clock simClock) {
    String challenge = "sim-" + UUID.randomUUID();
    String expected = signer.hashChallenge(challenge);
    DeliveryMeta meta =
        new DeliveryMeta(
            UUID.randomUUID().toString(),
            simClock.millis(),
            config.webhookId(),
            config.webhookName(),
            "LIVE");
    Buffer body =
        WebhookPayloads.withMeta(
                WebhookPayloads.verify(UUID.randomUUID().toString(), challenge), meta)
            .toBuffer();
    return client
        .postAbs(config.gatewayUrl())
        .putHeader("Content-Type", "application/json")
        .putHeader("SC-Signature", signer.sign(body.getBytes()))
        .putHeader("User-Agent", WebhookDeliverer.USER_AGENT)
        .timeout(config.deliveryTimeout().toMillis())
        .sendBuffer(body)
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "VERIFY failed: no answer from " + config.gatewayUrl() + ": " + e, e)))
        .compose(response -> check(response, expected, config.gatewayUrl()));
  }

  private static Future<Void> check(HttpResponse<Buffer> response, String expected, String url) {
    String answer = null;
    try {
      JsonObject json = response.bodyAsJsonObject();
      answer = json == null ? null : json.getString("challenge");
    } catch (DecodeException | ClassCastException e) {
      // not JSON, or challenge not a string: reported below
    }
    if (response.statusCode() == 200 && expected.equals(answer)) {
      LOG.info("webhook_verified url={}", url);
      return Future.succeededFuture();
    }
    String got = response.bodyAsString();
    return Future.failedFuture(
        new IllegalStateException(
            "VERIFY failed: "
                + url
                + " answered "
                + response.statusCode()
                + " with '"
                + (got == null ? "" : got.substring(0, Math.min(200, got.length())))
                + "', expected 200 {\"challenge\":\""
                + expected
                + "\"} (hex HMAC-SHA256 of the challenge under the management token)"));
  }
}
