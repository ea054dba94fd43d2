package io.smartcarpipeline.smartcar.fleet;

import io.smartcarpipeline.smartcar.errors.CallKind;
import io.smartcarpipeline.smartcar.http.SmartcarHttp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A webhook's vehicle subscriptions through the management API, in either path style
 * (docs/smartcar-v3.md §6.3, {@link SubscriptionPathStyle}). Subscribing an already subscribed
 * vehicle (409) and unsubscribing one that is not (404) are done, not errors: the classifier calls
 * them ALREADY_DONE. App-level calls: no {@code sc-user-id}; the user goes in the body.
 */
public final class SubscriptionsApi {

  static final CallKind LIST = CallKind.read("list subscriptions");
  static final CallKind WEBHOOK = CallKind.read("get webhook");
  static final CallKind SUBSCRIBE = CallKind.management("subscribe", 409);
  static final CallKind UNSUBSCRIBE = CallKind.management("unsubscribe", 404);

  private final SmartcarCaller caller;
  private final SmartcarHttp http;
  private final SubscriptionPathStyle style;
  private final int pageSize;
  private final Duration timeout;

  /**
   * @param http requests below the management API origin ({@code SMARTCAR_MANAGEMENT_API_ORIGIN})
   */
  public SubscriptionsApi(
      SmartcarCaller caller,
      SmartcarHttp http,
      SubscriptionPathStyle style,
      int pageSize,
      Duration timeout) {
    this.caller = caller;
    this.http = http;
    this.style = Objects.requireNonNull(style, "style");
    this.pageSize = pageSize;
    this.timeout = timeout;
  }

  public SubscriptionPathStyle style() {
    return style;
  }

  /** The webhook's configuration ({@code GET /webhooks/{id}}, both styles). */
  public Future<SmartcarAnswer> webhook(String webhookId) {
    return caller.call(
        "@webhook:" + webhookId,
        WEBHOOK,
        token -> get("/webhooks/" + encode(webhookId), token).send());
  }

  /** Every subscription of the webhook, all pages. */
  public Future<Listing<Subscription>> list(String webhookId) {
    String path =
        style == SubscriptionPathStyle.WEBHOOK
            ? "/webhooks/" + encode(webhookId) + "/subscriptions"
            : "/subscriptions";
    return Paging.all(
            caller,
            "subscriptions:" + webhookId,
            LIST,
            number ->
                token -> {
                  HttpRequest<Buffer> request =
                      get(path, token)
                          .addQueryParam("page[number]", String.valueOf(number))
                          .addQueryParam("page[size]", String.valueOf(pageSize));
                  if (style == SubscriptionPathStyle.FLAT) {
                    request.addQueryParam("filter[webhookId]", webhookId);
                  }
                  return request.send();
                },
            FleetJson::subscriptions,
            ConnectionsApi.MAX_PAGES)
        .map(listing -> onlyOf(webhookId, listing));
  }

  /** Subscribes the vehicle; ok() also when it already was (409). */
  public Future<SmartcarAnswer> subscribe(String webhookId, String vehicleId, String userId) {
    String path =
        style == SubscriptionPathStyle.WEBHOOK
            ? "/webhooks/" + encode(webhookId) + "/subscriptions"
            : "/subscriptions";
    JsonObject attributes =
        new JsonObject().put("webhookId", webhookId).put("vehicleId", vehicleId);
    if (userId != null) {
      attributes.put("userId", userId);
    }
    JsonObject body = new JsonObject().put("data", new JsonObject().put("attributes", attributes));
    return caller.call(
        vehicleId,
        SUBSCRIBE,
        token ->
            http.request(HttpMethod.POST, path, token, null)
                .putHeader("Content-Type", "application/json")
                .timeout(timeout.toMillis())
                .sendBuffer(body.toBuffer()));
  }

  /**
   * Removes the subscription; ok() also when there was none (404). The flat style deletes by
   * subscription id, so {@code subscription} must come from {@link #list}.
   */
  public Future<SmartcarAnswer> unsubscribe(String webhookId, Subscription subscription) {
    String path;
    if (style == SubscriptionPathStyle.WEBHOOK) {
      path =
          "/webhooks/" + encode(webhookId) + "/subscriptions/" + encode(subscription.vehicleId());
    } else if (subscription.subscriptionId() != null) {
      path = "/subscriptions/" + encode(subscription.subscriptionId());
    } else {
      return Future.failedFuture(
          new IllegalArgumentException(
              "the flat path style deletes by subscription id, and Smartcar listed none for "
                  + subscription.vehicleId()));
    }
    return caller.call(
        subscription.vehicleId(),
        UNSUBSCRIBE,
        token ->
            http.request(HttpMethod.DELETE, path, token, null).timeout(timeout.toMillis()).send());
  }

  private HttpRequest<Buffer> get(String path, String token) {
    return http.request(HttpMethod.GET, path, token, null).timeout(timeout.toMillis());
  }

  /** A flat listing may ignore the filter: keep the webhook's own (or unnamed) subscriptions. */
  private static Listing<Subscription> onlyOf(String webhookId, Listing<Subscription> listing) {
    return new Listing<>(
        listing.items().stream()
            .filter(s -> s.webhookId() == null || s.webhookId().equals(webhookId))
            .toList(),
        listing.unreadable(),
        listing.pages(),
        listing.failure());
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
