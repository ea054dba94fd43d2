package io.smartcarpipeline.sim.fleet;

import java.util.Map;

/**
 * Which vehicles a webhook delivers for: the fleet announces its webhook and vehicles when it
 * starts (so a store can auto-enroll them), then asks before every delivery whether the vehicle is
 * subscribed. Implementations must be thread-safe and cheap (called on the fleet's event loop).
 */
public interface WebhookAudience {

  /** The fleet's webhook starts delivering to {@code url} for these vehicles (id → user id). */
  void webhookStarted(String webhookId, String name, String url, Map<String, String> vehicles);

  /** Whether events of this vehicle are delivered to this webhook. */
  boolean subscribed(String webhookId, String vehicleId);

  /** Delivers for every vehicle (the fleet without the API stand-in's subscriptions). */
  static WebhookAudience everyone() {
    return new WebhookAudience() {
      @Override
      public void webhookStarted(String id, String name, String url, Map<String, String> v) {}

      @Override
      public boolean subscribed(String webhookId, String vehicleId) {
        return true;
      }
    };
  }
}
