package io.smartcarpipeline.sim.manage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One vehicle subscribed to one webhook. Its id is derived from the pair, so subscribing the same
 * vehicle again after an unsubscribe gives the same id.
 */
public record Subscription(
    String id, String webhookId, String userId, String vehicleId, Instant createdAt) {

  /** The subscription id of this webhook and vehicle. */
  public static String idOf(String webhookId, String vehicleId) {
    return UUID.nameUUIDFromBytes((webhookId + "/" + vehicleId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
