package io.smartcarpipeline.smartcar.fleet;

import java.util.Objects;

/**
 * One vehicle's subscription to a webhook, as the management API lists it.
 *
 * @param subscriptionId the subscription's id (needed to delete it in the flat path style); may be
 *     null in the webhook style
 * @param webhookId the webhook, when the answer names it
 * @param vehicleId the subscribed vehicle
 * @param userId the vehicle's user, when named
 */
public record Subscription(
    String subscriptionId, String webhookId, String vehicleId, String userId) {

  public Subscription {
    Objects.requireNonNull(vehicleId, "vehicleId");
  }
}
