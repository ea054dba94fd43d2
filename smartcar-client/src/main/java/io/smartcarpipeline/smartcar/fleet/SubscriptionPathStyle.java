package io.smartcarpipeline.smartcar.fleet;

import java.util.Locale;
import java.util.Optional;

/**
 * The two path layouts of the management API's webhook subscriptions (docs/smartcar-v3.md §6.3):
 * Smartcar's V3 launch announcement nests them under the webhook, its OpenAPI file (management.yml)
 * keeps them flat with the webhook id in the body and a filter. Which one the live API serves is
 * not confirmed, so both are implemented and one is chosen by setting.
 */
public enum SubscriptionPathStyle {
  /**
   * {@code POST/GET /webhooks/{webhookId}/subscriptions}, {@code DELETE
   * /webhooks/{webhookId}/subscriptions/{vehicleId}} (the announcement's; the default).
   */
  WEBHOOK,
  /**
   * {@code POST /subscriptions}, {@code GET /subscriptions?filter[webhookId]=W}, {@code DELETE
   * /subscriptions/{subscriptionId}} (management.yml's).
   */
  FLAT;

  /** {@code webhook} or {@code flat}, any case; empty for anything else. */
  public static Optional<SubscriptionPathStyle> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "webhook" -> Optional.of(WEBHOOK);
      case "flat" -> Optional.of(FLAT);
      default -> Optional.empty();
    };
  }
}
