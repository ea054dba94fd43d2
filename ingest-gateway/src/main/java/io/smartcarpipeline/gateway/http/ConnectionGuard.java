package io.smartcarpipeline.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards one gateway's connections, shared by all its HTTP servers: at most {@code maxConnections}
 * open at once (the rest are closed as they arrive), and a connection that has not completed a
 * request's headers in time is closed (the header timeout for its first request, the idle timeout
 * for the next ones on a kept-alive connection). Malformed requests that Vert.x rejects before
 * routing get the JSON error shape ({@link InvalidRequests}).
 */
public final class ConnectionGuard {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

  private final ServerLimits limits;
  private final GatewayMetrics metrics;
  private final AtomicInteger open = new AtomicInteger();
  private final LogThrottle refusals = new LogThrottle(Duration.ofSeconds(10), Instant::now);
  // Each connection's header deadline; touched only on that connection's event loop.
  private final Map<HttpConnection, Deadline> conns = new ConcurrentHashMap<>();

  public ConnectionGuard(ServerLimits limits, GatewayMetrics metrics) {
    this.limits = limits;
    this.metrics = metrics;
  }

  /** Installs the guard on {@code server}, in front of {@code requests}. */
  public HttpServer install(Vertx vertx, HttpServer server, Handler<HttpServerRequest> requests) {
    return server
        .connectionHandler(conn -> opened(vertx, conn))
        .invalidRequestHandler(req -> InvalidRequests.answer(req, metrics))
        // The gateway speaks no WebSocket: refuse the upgrade. Having a handshake handler also
        // makes Vert.x hand a request in an HTTP version it does not know (HTTP/9.9) to us instead
        // of answering a bare 501 itself, so it gets a 400 in the JSON shape (InvalidRequests).
        .webSocketHandshakeHandler(handshake -> handshake.reject(400))
        .requestHandler(
            req -> {
              headersComplete(vertx, req);
              if (req.version() == null) {
                InvalidRequests.unknownVersion(req, metrics);
                return;
              }
              requests.handle(req);
            });
  }

  private void opened(Vertx vertx, HttpConnection conn) {
    LOG.debug("connection_opened open={} remote={}", open.get() + 1, conn.remoteAddress());
    if (open.incrementAndGet() > limits.maxConnections()) {
      open.decrementAndGet();
      metrics.connectionRefused();
      refusals
          .tryAcquire()
          .ifPresent(
              n ->
                  LOG.warn(
                      "connection_refused max_connections={} suppressed_since_last={}",
                      limits.maxConnections(),
                      n));
      conn.close();
      return;
    }
    Deadline deadline = new Deadline();
    deadline.arm(vertx, conn, limits.headerTimeout().toMillis());
    conns.put(conn, deadline);
    conn.closeHandler(
        v -> {
          open.decrementAndGet();
          Deadline d = conns.remove(conn);
          if (d != null) {
            d.cancel(vertx);
          }
        });
  }

  private void headersComplete(Vertx vertx, HttpServerRequest req) {
    Deadline deadline = conns.get(req.connection());
    if (deadline == null) {
      return;
    }
    deadline.cancel(vertx);
    // The next request on a kept-alive connection must complete its headers within the idle bound.
    req.response()
        .endHandler(v -> deadline.arm(vertx, req.connection(), limits.idleTimeout().toMillis()));
  }

  /** The timer that closes a connection whose headers are late. */
  private final class Deadline {
    private long timer = -1;

    void arm(Vertx vertx, HttpConnection conn, long millis) {
      cancel(vertx);
      timer =
          vertx.setTimer(
              millis,
              id -> {
                metrics.request("header_timeout");
                LOG.debug(
                    "connection_closed reason=header_timeout remote={}", conn.remoteAddress());
                conn.close();
              });
    }

    void cancel(Vertx vertx) {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }
  }
}
