package io.smartcarpipeline.gateway.http;

import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long and how many clients the HTTP server puts up with, so slow or idle clients cannot hold
 * its connections. Rule: every bound is a setting with a default, validated at start.
 *
 * @param idleTimeout a connection with no bytes read or written for this long is closed ({@value
 *     #IDLE_TIMEOUT}); also the bound for the next request's headers on a kept-alive connection
 * @param headerTimeout a new connection must have sent its request line and headers within this
 *     ({@value #HEADER_TIMEOUT}), or it is closed
 * @param requestTimeout once the headers are in, the whole body must arrive within this ({@value
 *     #REQUEST_TIMEOUT}), or the answer is a 408 and the connection is closed
 * @param maxConnections open connections beyond this are closed at once ({@value
 *     #MAX_CONNECTIONS}), across all event loops
 */
public record ServerLimits(
    Duration idleTimeout, Duration headerTimeout, Duration requestTimeout, int maxConnections) {

  public static final String IDLE_TIMEOUT = "GATEWAY_IDLE_TIMEOUT";
  public static final String HEADER_TIMEOUT = "GATEWAY_HEADER_TIMEOUT";
  public static final String REQUEST_TIMEOUT = "GATEWAY_REQUEST_TIMEOUT";
  public static final String MAX_CONNECTIONS = "GATEWAY_MAX_CONNECTIONS";

  /** Smartcar sends a small body at once and gives up after 15 s. */
  public static final Map<String, String> DEFAULTS =
      Map.of(
          IDLE_TIMEOUT, "60s",
          HEADER_TIMEOUT, "10s",
          REQUEST_TIMEOUT, "10s",
          MAX_CONNECTIONS, "1000");

  public ServerLimits {
    positive(IDLE_TIMEOUT, idleTimeout);
    positive(HEADER_TIMEOUT, headerTimeout);
    positive(REQUEST_TIMEOUT, requestTimeout);
    if (maxConnections < 1) {
      throw new ConfigException(MAX_CONNECTIONS, "must be at least 1");
    }
  }

  /** Reads the limits; unset ones take {@link #DEFAULTS}. */
  public static ServerLimits from(Settings settings) {
    Settings s = Settings.of(DEFAULTS).with(settings.asMap());
    return new ServerLimits(
        s.duration(IDLE_TIMEOUT),
        s.duration(HEADER_TIMEOUT),
        s.duration(REQUEST_TIMEOUT),
        s.intValue(MAX_CONNECTIONS));
  }

  /**
   * Server options with the idle timeout set (the other limits are enforced by handlers). HTTP/1.1
   * only: TLS and HTTP/2 end at the ingress in front of the gateway, and without cleartext HTTP/2
   * detection Vert.x hands over every connection as it is accepted, so each one is counted and
   * timed from its first moment.
   */
  public HttpServerOptions serverOptions() {
    return new HttpServerOptions()
        .setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) Math.max(1, idleTimeout.toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
  }

  private static void positive(String key, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new ConfigException(key, "must be above 0");
    }
  }
}
