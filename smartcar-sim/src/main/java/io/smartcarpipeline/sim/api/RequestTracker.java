package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.sim.vehicle.CommandType;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first handler of every route: gives each request an id, sends it as {@code SC-Request-Id} on
 * every response, and records API requests ({@code /oauth2/…}, {@code /v3/…}, {@code
 * /management/v3/…}, {@code /compatibility/v3/…}) in the {@link RequestLog} on arrival, finishing
 * the entry when the answer is complete or the connection closes.
 */
public final class RequestTracker {

  static final String REQUEST_ID = "sim.requestId";
  static final String LOG_ENTRY = "sim.logEntry";
  private static final Pattern VEHICLE_PATH =
      Pattern.compile("^/v3/vehicles/([^/]+)(?:/(signals|commands/(.+)))?/?$");
  private static final Pattern WEBHOOK_VEHICLE_PATH =
      Pattern.compile("^/management/v3/webhooks/[^/]+/subscriptions/([^/]+)/?$");

  private final SimServices services;

  public RequestTracker(SimServices services) {
    this.services = services;
  }

  /** The request id given to this request. */
  public static String requestId(RoutingContext ctx) {
    return ctx.get(REQUEST_ID);
  }

  /** Marks the request as dropped in the log (before the connection is closed on purpose). */
  public static void markDropped(RoutingContext ctx) {
    RequestLog.Entry entry = ctx.get(LOG_ENTRY);
    if (entry != null) {
      entry.dropped();
    }
  }

  /** Whether the path is one of the Smartcar API's (vehicle, management, compatibility). */
  public static boolean isSmartcarApi(String path) {
    return path.startsWith("/v3/")
        || path.startsWith(ManagementHandler.PREFIX + "/")
        || path.startsWith(CompatibilityHandler.PREFIX + "/");
  }

  /** Route handler. */
  public void handle(RoutingContext ctx) {
    String requestId = UUID.randomUUID().toString();
    ctx.put(REQUEST_ID, requestId);
    ctx.response().putHeader("SC-Request-Id", requestId);
    String path = ctx.normalizedPath();
    if (isSmartcarApi(path) || path.startsWith("/oauth2/")) {
      record(ctx, path, requestId);
    }
    ctx.next();
  }

  private void record(RoutingContext ctx, String path, String requestId) {
    String vehicleId = null;
    String command = path.startsWith("/oauth2/") ? "token" : null;
    Matcher m = VEHICLE_PATH.matcher(path);
    if (m.matches()) {
      vehicleId = m.group(1);
      command = commandName(m.group(2), m.group(3));
    } else if (path.startsWith("/v3/connections")) {
      command = FaultRules.CONNECTIONS;
    } else if (path.startsWith(CompatibilityHandler.PREFIX + "/")) {
      command = FaultRules.COMPATIBILITY;
      vehicleId = ctx.queryParams().get("vehicleId");
    } else if (path.startsWith(ManagementHandler.PREFIX + "/")) {
      Matcher w = WEBHOOK_VEHICLE_PATH.matcher(path);
      vehicleId = w.matches() ? w.group(1) : null;
      command = path.contains("/subscriptions") ? FaultRules.SUBSCRIPTIONS : FaultRules.WEBHOOKS;
    }
    RequestLog.Entry entry =
        services
            .log()
            .begin(
                services.clock().instant(),
                ctx.request().method().name(),
                path,
                vehicleId,
                command,
                ctx.request().getHeader("sc-user-id"),
                requestId);
    ctx.put(LOG_ENTRY, entry);
    ctx.addEndHandler(
        done -> {
          if (done.succeeded()) {
            entry.answered(ctx.response().getStatusCode());
          } else {
            entry.dropped();
          }
        });
  }

  private static String commandName(String tail, String commandPath) {
    if (tail == null) {
      return FaultRules.VEHICLE;
    }
    if (commandPath == null) {
      return FaultRules.SIGNALS;
    }
    return Arrays.stream(CommandType.values())
        .filter(t -> t.path().equals(commandPath))
        .map(CommandType::wireName)
        .findFirst()
        .orElse(commandPath);
  }
}
