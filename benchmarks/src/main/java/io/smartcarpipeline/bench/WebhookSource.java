package io.smartcarpipeline.bench;

import io.smartcarpipeline.bench.data.Reading;
import io.smartcarpipeline.bench.data.Webhooks;
import io.smartcarpipeline.bench.load.RequestSource;
import io.smartcarpipeline.gateway.webhook.SignatureVerifier;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique, signed {@code VEHICLE_STATE} webhooks for load runs: the {@code seq}-th request is
 * vehicle {@code seq % vehicles}, with its own eventId, a source time of "now" and slowly moving
 * readings, signed with HMAC-SHA256 under the management token exactly as Smartcar signs. Stateless
 * per request, so safe on several event loops.
 */
class WebhookSource implements RequestSource {

  private final int signals;
  private final int vehicles;
  private final long salt = ThreadLocalRandom.current().nextLong();

  WebhookSource(int signals, int vehicles) {
    this.signals = signals;
    this.vehicles = vehicles;
  }

  static String vehicleId(long i) {
    return String.format("veh-%06d", i);
  }

  /** The eventId of request {@code seq}: unique per run. */
  UUID eventId(long seq) {
    return new UUID(salt, seq);
  }

  String vehicleOf(long seq) {
    return vehicleId(seq % vehicles);
  }

  @Override
  public Request next(long seq) {
    long v = seq % vehicles;
    Reading r =
        new Reading(
            vehicleId(v),
            "user-" + v,
            System.currentTimeMillis(),
            (int) (20 + (seq / vehicles) % 70),
            10_000 + seq * 0.1,
            true,
            (seq & 1) == 0,
            (seq & 1) == 0 ? 11.0 : 0,
            52.5 + v * 1e-4,
            13.4,
            true);
    String body = Webhooks.vehicleState(r, eventId(seq), new UUID(salt, ~seq), signals);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .add("Content-Type", "application/json")
            .add("SC-Signature", SignatureVerifier.sign(BenchOptions.TOKEN, bytes));
    return new Request(Buffer.buffer(bytes), headers, tag(seq));
  }

  /** What travels with a request to {@link #completed}; none by default. */
  Object tag(long seq) {
    return null;
  }
}
