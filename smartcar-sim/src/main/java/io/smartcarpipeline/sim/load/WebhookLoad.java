package io.smartcarpipeline.sim.load;

import io.smartcarpipeline.sim.fleet.WebhookSigner;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique, signed {@code VEHICLE_STATE} webhooks for load runs: the {@code seq}-th request is
 * vehicle {@code seq % vehicles}, with its own eventId, a source time of "now" and slowly moving
 * readings ({@link VehicleStateBodies}), signed like every fleet delivery by the sim's {@link
 * WebhookSigner} (hex HMAC-SHA256 of the exact body bytes under the management token, in {@code
 * SC-Signature}). Stateless per request, so safe on several event loops.
 */
public class WebhookLoad implements RequestSource {

  private final WebhookSigner signer;
  private final int signals;
  private final int vehicles;
  private final long salt = ThreadLocalRandom.current().nextLong();

  /**
   * @param managementToken the gateway's {@code SMARTCAR_MANAGEMENT_TOKEN}
   * @param signals signals per webhook, 1..{@link VehicleStateBodies#MAX_SIGNALS}
   * @param vehicles distinct vehicle ids the requests cycle through
   */
  public WebhookLoad(String managementToken, int signals, int vehicles) {
    if (signals < 1 || signals > VehicleStateBodies.MAX_SIGNALS) {
      throw new IllegalArgumentException("signals must be 1.." + VehicleStateBodies.MAX_SIGNALS);
    }
    if (vehicles < 1) {
      throw new IllegalArgumentException("vehicles must be >= 1");
    }
    this.signer = new WebhookSigner(managementToken);
    this.signals = signals;
    this.vehicles = vehicles;
  }

  /** The id of load vehicle {@code i}: {@code veh-000042}. */
  public static String vehicleId(long i) {
    return String.format("veh-%06d", i);
  }

  /** The eventId of request {@code seq}: unique per run. */
  public UUID eventId(long seq) {
    return new UUID(salt, seq);
  }

  /** The vehicle of request {@code seq}. */
  public String vehicleOf(long seq) {
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
    String body = VehicleStateBodies.vehicleState(r, eventId(seq), new UUID(salt, ~seq), signals);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .add("Content-Type", "application/json")
            .add("SC-Signature", signer.sign(bytes));
    return new Request(Buffer.buffer(bytes), headers, tag(seq));
  }

  /** What travels with request {@code seq} to {@link #completed}; none by default. */
  protected Object tag(long seq) {
    return null;
  }
}
