package io.smartcarpipeline.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.function.Function;

/**
 * One HTTP server instance on its own event loop; several are deployed on the same port and Vert.x
 * spreads connections across them. Rule: {@code start()} completes only once the server listens.
 */
public final class GatewayVerticle extends VerticleBase {

  private final String host;
  private final int port;
  private final Function<io.vertx.core.Vertx, Router> routes;
  private final ServerLimits limits;
  private final ConnectionGuard guard;
  private HttpServer server;

  /**
   * @param host the address to listen on ({@code BIND_ADDRESS})
   * @param port the port to listen on; a negative port is a random port shared by every server
   *     listening on that same negative value
   * @param routes builds this instance's router on its Vert.x instance
   * @param limits the server's timeouts
   * @param guard the connection limit and header deadline, shared by every instance
   */
  public GatewayVerticle(
      String host,
      int port,
      Function<io.vertx.core.Vertx, Router> routes,
      ServerLimits limits,
      ConnectionGuard guard) {
    this.host = host;
    this.port = port;
    this.routes = routes;
    this.limits = limits;
    this.guard = guard;
  }

  @Override
  public Future<?> start() {
    server =
        guard.install(vertx, vertx.createHttpServer(limits.serverOptions()), routes.apply(vertx));
    return server.listen(port, host);
  }

  /** The port this instance listens on. */
  public int actualPort() {
    return server.actualPort();
  }
}
